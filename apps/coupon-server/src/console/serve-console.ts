import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

const IMMUTABLE = 'public, max-age=31536000, immutable';

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>运营后台未构建</title></head>
<body><h1>运营后台尚未构建 (console not built)</h1>
<p>Run <code>npm run build</code> (or <code>npm run console:build</code>), or point CONSOLE_DIR at the built files.</p>
</body></html>`;

/**
 * The ops console at /console: hashed assets cached for a year, index.html never cached (it
 * names the current assets), and any other path under /console answered with index.html so
 * client-side routes survive a reload. Without a build, a clear 503 instead of a bare 404.
 * Plain Fastify routes, nowhere near the /wx hot path.
 */
export async function serveConsole(app: NestFastifyApplication, consoleDir: string): Promise<void> {
  const root = resolve(consoleDir);
  const fastify = app.getHttpAdapter().getInstance();
  const indexPath = join(root, 'index.html');
  if (!existsSync(indexPath)) {
    const notBuilt = (_req: unknown, reply: FastifyReply) =>
      reply.code(503).header('cache-control', 'no-store').type('text/html').send(NOT_BUILT);
    fastify.get('/console', notBuilt);
    fastify.get('/console/*', notBuilt);
    return;
  }
  const index = readFileSync(indexPath);
  // Vite puts content-hashed files here: their name changes whenever their content does.
  const hashed = join(root, 'assets') + sep;
  const sendIndex = (_req: unknown, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);

  await app.register(fastifyStatic, {
    root,
    prefix: '/console/',
    // Routes only for the files that exist; everything else falls through to the SPA route.
    wildcard: false,
    index: false,
    cacheControl: false,
    decorateReply: false,
    setHeaders: (reply, path) => {
      void reply.header('cache-control', path.startsWith(hashed) ? IMMUTABLE : 'no-cache');
    },
  });
  fastify.get('/console', (_req, reply) => reply.redirect('/console/', 302));
  fastify.get('/console/', sendIndex);
  // A missing hashed asset is a 404: a stale tab must never get HTML for its script.
  fastify.get('/console/assets/*', (_req, reply) => reply.code(404).send({ statusCode: 404 }));
  fastify.get('/console/*', sendIndex);
}
