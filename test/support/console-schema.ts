import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString } from 'openapi-typescript';

/** Where the console keeps the types of the admin API (committed; a test fails on drift). */
export const CONSOLE_SCHEMA_PATH = 'apps/console/src/api/schema.d.ts';

const HEADER = `/**
 * Generated from the admin API's OpenAPI document by \`npm run console:schema\`: do not edit.
 * test/console-schema.e2e-spec.ts fails when this file and the API drift apart.
 */

`;

/** The TypeScript the console's openapi-fetch client is typed with, for this document. */
export async function consoleSchemaSource(doc: OpenAPIObject): Promise<string> {
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
  });
  return HEADER + astToString(ast);
}
