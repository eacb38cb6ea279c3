import 'reflect-metadata';
import 'dotenv/config';
import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AppConfig, validatedEnvironment } from '@app/core';
import { AppModule } from './app.module';
import { runPrimary } from './cluster-primary';
import { configureApp, createFastifyAdapter } from './setup-app';

async function bootstrap(): Promise<void> {
  // Fail on a bad setting before Nest starts, with the message naming it (the namespaces reuse
  // this one validation as ConfigModule loads them).
  validatedEnvironment();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createFastifyAdapter(), {
    bufferLogs: true, // held until configureApp() switches to the JSON logger
  });
  await configureApp(app);
  const cfg = app.get(ConfigService).getOrThrow<AppConfig>('app');
  await app.listen(cfg.port, cfg.host);
  Logger.log(`wx-coupon listening on http://${cfg.host}:${cfg.port}`, 'Bootstrap');
}

const workers = Number(process.env.WEB_CONCURRENCY ?? '1') || 1;
const start = workers > 1 && cluster.isPrimary ? runPrimary(workers) : bootstrap();

start.catch((err: unknown) => {
  // Configuration errors name the bad setting; print them plainly and stop.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
