// npm run console:schema: writes the console's API types from the app's own OpenAPI document.
// The app is assembled in preview mode (modules and controllers scanned, nothing instantiated),
// so no database, Redis or server is needed. With --stdin it converts the document it is given
// and prints the result (the drift test feeds it the running app's document: openapi-typescript's
// ESM dependencies do not load under Jest).
import './env';
import { readFileSync, writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../../apps/coupon-server/src/app.module';
import { createOpenApiDocument } from '../../apps/coupon-server/src/openapi/openapi.document';
import { CONSOLE_SCHEMA_PATH, consoleSchemaSource } from '../support/console-schema';

async function main(): Promise<void> {
  if (process.argv.includes('--stdin')) {
    const doc = JSON.parse(readFileSync(0, 'utf8')) as OpenAPIObject;
    process.stdout.write(await consoleSchemaSource(doc));
    return;
  }
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  const source = await consoleSchemaSource(createOpenApiDocument(app));
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
