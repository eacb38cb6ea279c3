import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { createOpenApiDocument, withRequestExamples } from './openapi.document';

/** Swagger UI at /docs and the document at /docs-json (SWAGGER_ENABLED). */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'wx-coupon admin API',
    // Today's dates in the examples: the document is built once, the examples on each request.
    patchDocumentOnRequest: (_req, _res, doc) => withRequestExamples(doc),
    swaggerOptions: {
      persistAuthorization: true, // the token survives a reload (kept in localStorage)
      displayRequestDuration: true,
      tryItOutEnabled: true,
    },
  });
}
