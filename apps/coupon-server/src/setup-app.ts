import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ConfigService } from '@nestjs/config';
import type { AppConfig, WechatConfig } from '@app/core';

/** The adapter options shared by main.ts and the e2e tests. */
export function createFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    // The admin API takes small JSON bodies; /wx has its own (configurable) cap below.
    bodyLimit: 256 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
  });
}

/** Everything main.ts does to the app besides listening, so tests get exactly production. */
export function configureApp(app: NestFastifyApplication): void {
  const config = app.get(ConfigService);
  const appCfg = config.getOrThrow<AppConfig>('app');
  const wechatCfg = config.getOrThrow<WechatConfig>('wechat');

  // WeChat posts text/xml; read it as a capped string and let the /wx controller parse it safely.
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addContentTypeParser(
    ['text/xml', 'application/xml'],
    { parseAs: 'string', bodyLimit: wechatCfg.bodyLimitBytes },
    (_req, body, done) => done(null, body),
  );

  app.enableShutdownHooks();

  if (appCfg.swaggerEnabled) {
    const doc = new DocumentBuilder()
      .setTitle('wx-coupon admin API')
      .setDescription(
        'Coupon campaigns for a WeChat Official Account. Amounts are integer cents; times are ISO-8601 UTC. ' +
          'Errors always look like {statusCode, error, message, details?}.',
      )
      .setVersion('1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .build();
    SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc), {
      jsonDocumentUrl: 'docs-json',
    });
  }
}
