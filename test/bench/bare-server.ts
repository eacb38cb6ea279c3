/**
 * Reference point for the claim bench: a bare node:http server that reads each request body and
 * answers a fixed 'success'. Its CPU per request is the floor any Node HTTP service pays on this
 * box (issue #9 quotes 0.042 ms).
 *
 *   npx ts-node --transpile-only test/bench/bare-server.ts [--port 3199]
 *
 * `npm run bench -- --bare` forks it on a free port and measures it in the same run. When forked,
 * it reports its port to the parent over IPC.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3199' } } });

const REPLY = Buffer.from('success');

const server = createServer((req, res) => {
  req.resume(); // read (and drop) the body, as a real handler must
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': REPLY.length });
    res.end(REPLY);
  });
});
server.keepAliveTimeout = 60_000;

server.listen(Number(values.port), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  if (process.send) process.send({ port });
  else console.log(`bare node:http server on http://127.0.0.1:${port} (pid ${process.pid})`);
});

const stop = (): void => {
  server.close();
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
