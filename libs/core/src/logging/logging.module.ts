import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, type OnModuleInit, RequestMethod } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { appConfig, type AppConfig } from '../config/configuration';
import { AppLogger } from './app-logger';

const SAFE_REQUEST_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** Keeps an upstream id (Nginx $request_id) so one request can be followed across hops; used as
 * Fastify's genReqId so the framework, pino-http and our logs share one id. */
export function requestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Structured JSON logs (pino) with the request id on every line. Request lines carry the path
 * only: the query string of /wx holds signatures and the follower's openid, and headers hold
 * bearer tokens, so neither is ever written.
 */
/** Log destinations (stdout or a file) are written asynchronously (buffered): shutdown flushes them
 * synchronously, because a signal ends the process right after Nest's shutdown hooks, before pino's
 * own on-exit flush, and would drop the last lines ("shutdown complete"). */
const destinations = new Set<pino.DestinationStream & { flushSync(): void }>();

function logDestination(path: string | undefined): pino.DestinationStream {
  const dest = path
    ? pino.destination({ dest: path, sync: false, mkdir: true })
    : pino.destination(1);
  destinations.add(dest);
  return dest;
}

/**
 * Shutdown: let an asynchronous write already handed to the OS finish (a signal that ends the
 * process would drop it), then write what is still buffered synchronously. At most ~1 s.
 */
export async function flushLogs(): Promise<void> {
  for (const dest of destinations) {
    const stream = dest as unknown as { _writing?: boolean; flushSync(): void };
    const until = Date.now() + 1000;
    while (stream._writing === true && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    try {
      stream.flushSync();
    } catch {
      // not opened yet (nothing written) or already closed: nothing to flush
    }
  }
}

function withClientIp(
  req: IncomingMessage & { clientIp?: string },
  _res: ServerResponse,
  line: object,
): object {
  return { ...line, ip: req.clientIp };
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (cfg: AppConfig) => ({
        // Request lines for the admin API and OAuth only: health and metrics are scraped every
        // few seconds, and the /wx hot path logs errors, slow requests and a sample itself
        // (issue #9), so it does not even pass through the middleware.
        forRoutes: [
          { method: RequestMethod.ALL, path: 'api/{*path}' },
          { method: RequestMethod.ALL, path: 'wx/oauth/{*path}' },
        ],
        pinoHttp: [
          {
            level: cfg.logLevel,
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                path: req.url.split('?')[0],
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            redact: {
              paths: ['req.headers', 'res.headers', '*.password', '*.accessToken'],
              remove: true,
            },
            // The request line is built when the response ends, after Fastify worked out the
            // client IP (onRequest hook below); the bindings above are fixed at its start.
            customSuccessObject: withClientIp,
            customErrorObject: withClientIp,
            customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
          },
          logDestination(cfg.logFile),
        ],
      }),
    }),
  ],
  providers: [AppLogger],
  exports: [AppLogger],
})
export class LoggingModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Request lines carry the client IP as Fastify sees it (X-Forwarded-For only via TRUST_PROXY). */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onRequest', (request, _reply, done) => {
      (request.raw as { clientIp?: string }).clientIp = request.ip;
      done();
    });
  }
}
