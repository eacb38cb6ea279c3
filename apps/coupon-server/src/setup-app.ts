import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigService } from '@nestjs/config';
import { type AppConfig, AppLogger, requestId } from '@app/core';
import { type ConsoleConfig, registerStreamedUploads } from '@app/admin';
import { type WechatConfig } from '@app/wechat';
import { serveConsole } from './console/serve-console';
import { setupOpenApi } from './openapi/openapi.setup';

/** The adapter options shared by main.ts and the e2e tests. */
export function createFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    // The admin API takes small JSON bodies; /wx has its own (configurable) cap below.
    bodyLimit: 256 * 1024,
    trustProxy: trustProxySetting(process.env.TRUST_PROXY),
    genReqId: requestId,
  });
}

/** TRUST_PROXY -> Fastify's trustProxy: true/false, a hop count, or the trusted proxy IPs/CIDRs. */
export function trustProxySetting(raw: string | undefined): boolean | number | string[] {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((s) => s.trim());
}

/** Everything main.ts does to the app besides listening, so tests get exactly production. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  const config = app.get(ConfigService);
  const appCfg = config.getOrThrow<AppConfig>('app');
  const wechatCfg = config.getOrThrow<WechatConfig>('wechat');

  app.useLogger(app.get(AppLogger));

  // Security headers everywhere; the CSP allows what Swagger UI needs and nothing remote.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // Off: on plain HTTP (a LAN address, no TLS proxy) it makes browsers fetch /docs assets
        // over https, which fails and leaves Swagger UI blank. TLS is the proxy's job.
        upgradeInsecureRequests: null,
      },
    },
  });
  // Browsers may call the admin API only from the configured consoles (none by default).
  await app.register(cors, {
    origin: appCfg.corsOrigins.length > 0 ? appCfg.corsOrigins : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
    maxAge: 600,
  });

  // WeChat posts text/xml; read it as a capped string and let the /wx controller parse it safely.
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  fastify.addContentTypeParser(
    ['text/xml', 'application/xml'],
    { parseAs: 'string', bodyLimit: wechatCfg.bodyLimitBytes },
    (_req, body, done) => done(null, body),
  );
  // Audience member uploads (up to 1,000,000 openids) stream through to their controller.
  registerStreamedUploads(fastify);

  app.enableShutdownHooks();

  if (appCfg.swaggerEnabled) setupOpenApi(app);
  await serveConsole(app, config.getOrThrow<ConsoleConfig>('console').consoleDir);
}
