// npm run console:schema: writes the console's API types from the app's own OpenAPI document.
// The app is assembled in preview mode (modules and controllers scanned, nothing instantiated),
// so no database, Redis or server is needed. With --stdout it prints instead of writing (the
// drift test runs it as a child process: openapi-typescript's ESM dependencies do not load under
// Jest).
import './env';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from '../../apps/coupon-server/src/app.module';
import { createOpenApiDocument } from '../../apps/coupon-server/src/openapi/openapi.document';
import { CONSOLE_SCHEMA_PATH, consoleSchemaSource } from '../support/console-schema';

async function main(): Promise<void> {
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  const source = await consoleSchemaSource(createOpenApiDocument(app));
  if (process.argv.includes('--stdout')) {
    // A pipe is written asynchronously: wait for it before process.exit() cuts it short.
    await new Promise<void>((resolve) => process.stdout.write(source, () => resolve()));
    return;
  }
  writeFileSync(CONSOLE_SCHEMA_PATH, source);
  console.log(`wrote ${CONSOLE_SCHEMA_PATH} (${source.length} bytes)`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
