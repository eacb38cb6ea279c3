import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ApiErrorResponse, ApiRefusalResponse } from '@app/admin';
import { requestExamples } from './request-examples';

type Json = Record<string, unknown>;

const LOGIN_PATH = '/api/v1/admin/auth/login';

const DESCRIPTION = `
Coupon campaigns for a WeChat Official Account. Amounts are integer cents; times are ISO-8601 UTC.

### Getting a token
1. Open **admin-auth → POST ${LOGIN_PATH}** (\`login\`), *Try it out*, *Execute*. The example is
   the bootstrap admin from \`.env.example\` (\`ADMIN_BOOTSTRAP_USERNAME\` /
   \`ADMIN_BOOTSTRAP_PASSWORD\`); use your own password if it was changed. Five wrong passwords
   per username (twenty per IP) within 15 minutes answer 429.
2. Copy \`accessToken\` from the response, click **Authorize** (top right), paste it (without
   "Bearer") and confirm. Swagger UI keeps it across reloads until you log out there.
3. Every other operation now sends it. Tokens live \`JWT_EXPIRES_IN_SECONDS\` (15 min by default):
   on a 401, log in again.

Roles: ADMIN (everything), MARKETER (templates, stats, coupons), CLERK (look up and redeem),
VIEWER (read-only).

### Errors
Always \`{statusCode, error, message, details?}\`. For 400, \`details\` is an array
\`[{field, errors[]}]\`; for 409/422/429 it is an object saying why (\`reason\`, \`refusedFields\`,
\`retryAfterSeconds\`).
`.trim();

const TAGS: [string, string][] = [
  ['admin-auth', 'Start here: log in, then Authorize with the token'],
  ['coupon-templates', 'Campaigns: create, edit, activate, pause, end'],
  ['coupons', 'Look up, redeem, undo and revoke coupons'],
  ['stats', 'Issuance and redemption figures'],
  ['dashboard', 'Live dashboard: snapshot, hourly figures, Server-Sent Events stream'],
  ['audit', 'Claim attempts (audit trail)'],
  ['followers', 'Followers who bound a phone number'],
  ['admin-users', 'Admin accounts and roles (ADMIN)'],
  ['wechat', 'Official Account custom menu'],
  ['health', 'Liveness and readiness probes'],
];

const ERROR_EXAMPLES: Record<string, Json> = {
  '400': {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Validation failed: amountCents must be an integer number',
    details: [{ field: 'amountCents', errors: ['amountCents must be an integer number'] }],
  },
  '401': { statusCode: 401, error: 'Unauthorized', message: 'Missing bearer token' },
  '403': {
    statusCode: 403,
    error: 'Forbidden',
    message: 'Role VIEWER may not perform this action',
  },
  '404': { statusCode: 404, error: 'Not Found', message: 'Coupon template 12 not found' },
  '409': {
    statusCode: 409,
    error: 'Conflict',
    message: 'Coupon has already been used',
    details: { reason: 'ALREADY_USED' },
  },
  '422': {
    statusCode: 422,
    error: 'Unprocessable Entity',
    message: 'Order amount is below the coupon threshold',
    details: { reason: 'BELOW_THRESHOLD' },
  },
  '429': {
    statusCode: 429,
    error: 'Too Many Requests',
    message: 'Too many failed logins; try again later',
    details: { retryAfterSeconds: 900 },
  },
};

const ERROR_REF = '#/components/schemas/ApiErrorResponse';
const REFUSAL_REF = '#/components/schemas/ApiRefusalResponse';

/** The OpenAPI document of the admin API, as served at /docs-json. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('wx-coupon admin API')
    .setDescription(DESCRIPTION)
    .setVersion('1.0')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: `accessToken from POST ${LOGIN_PATH}`,
      },
      'bearer',
    );
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const doc = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ApiRefusalResponse, ApiErrorResponse],
  });
  polishDocument(doc);
  return doc;
}

/**
 * Fixes what the decorators cannot express on their own:
 * - every `number` without a fractional format is an integer (amounts are cents, ids and counts
 *   are whole): fields that may be fractional say `format: 'double'`;
 * - error responses get an example with their own status, and refusals (409/422/429) the body
 *   whose `details` is an object, not the 400 field list.
 */
export function polishDocument(doc: OpenAPIObject): void {
  visit(doc, (node) => {
    if (node.type === 'number' && node.format !== 'double' && node.format !== 'float') {
      node.type = 'integer';
    }
  });
  // PATCH bodies inherit the create defaults (PartialType), but an absent field there means
  // "unchanged", not "the default"; generated clients would also make them required.
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    if (!name.startsWith('Update')) continue;
    for (const prop of Object.values((schema as Json).properties ?? {}) as Json[]) {
      delete prop.default;
    }
  }
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item) as Json[]) {
      const responses = op?.responses as Record<string, Json> | undefined;
      if (!responses) continue;
      for (const [status, response] of Object.entries(responses)) {
        const media = (response.content as Record<string, Json> | undefined)?.['application/json'];
        const schema = media?.schema as Json | undefined;
        if (!media || schema?.$ref !== ERROR_REF) continue;
        if (Number(status) >= 409 && Number(status) < 500) schema.$ref = REFUSAL_REF;
        const example = ERROR_EXAMPLES[status];
        if (example) media.example = example;
      }
    }
  }
}

/** Adds the date-dependent request examples; called per request so they never go stale. */
export function withRequestExamples(doc: OpenAPIObject, now = new Date()): OpenAPIObject {
  const examples = requestExamples(now);
  const paths: Json = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    const copy: Json = { ...item };
    for (const [method, op] of Object.entries(item) as [string, Json][]) {
      const example = examples[op?.operationId as string];
      const body = op?.requestBody as { content: Record<string, Json> } | undefined;
      if (!example || !body) continue;
      const json = body.content['application/json'];
      copy[method] = {
        ...op,
        requestBody: {
          ...body,
          content: { ...body.content, 'application/json': { ...json, example } },
        },
      };
    }
    paths[path] = copy;
  }
  return { ...doc, paths: paths as OpenAPIObject['paths'] };
}

function visit(node: unknown, fn: (node: Json) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) visit(n, fn);
  } else if (node && typeof node === 'object') {
    fn(node as Json);
    for (const v of Object.values(node)) visit(v, fn);
  }
}
