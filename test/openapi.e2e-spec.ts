import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminToken } from './support/admin-client';
import {
  bodyExample,
  type OpenApiDoc,
  type Operation,
  paramExamples,
} from './support/openapi-sample';
import { createTestApp, type TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');
const BASE = '/api/v1/admin/coupon-templates';

/** .env.example's value of a setting: what a new developer runs with. */
function envExample(name: string): string {
  const line = readFileSync(join(ROOT, '.env.example'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}=`));
  return line!.slice(name.length + 1);
}

function operations(doc: OpenApiDoc): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, path, op })),
  );
}

describe('OpenAPI document and Swagger UI for integrators (e2e)', () => {
  let t: TestApp;
  let doc: OpenApiDoc;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json<OpenApiDoc>();
  });
  afterAll(() => t.close());

  const op = (id: string) => operations(doc).find((o) => o.op.operationId === id)!;

  it('names every operation meaningfully and uniquely', () => {
    const ids = operations(doc).map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]+$/); // not Controller_method
    expect(op('login').path).toBe('/api/v1/admin/auth/login');
    expect(op('listCouponTemplates').path).toBe(BASE);
    expect(op('createCouponTemplate').method).toBe('post');
  });

  it('types page/pageSize as bounded integers and every count or amount as integer', () => {
    for (const id of ['listCouponTemplates', 'listClaimLogs', 'searchCoupons']) {
      for (const p of op(id).op.parameters!.filter((x) => /^page(Size)?$/.test(x.name))) {
        expect(p.schema).toMatchObject({ type: 'integer', minimum: 1 });
        expect(p.schema!.maximum).toEqual(expect.any(Number));
      }
    }
    const numbers: string[] = [];
    JSON.stringify(doc, (key, value: { type?: string; format?: string }) => {
      if (value?.type === 'number' && value.format !== 'double') numbers.push(key);
      return value;
    });
    expect(numbers).toEqual([]);
    const view = doc.components.schemas.CouponTemplateView as {
      properties: Record<string, { type: string }>;
    };
    expect(view.properties.totalQuantity.type).toBe('integer');
  });

  it('answers page=1e18 with a 400, not a 500', async () => {
    const token = await adminToken(t.app);
    for (const page of ['1e18', '1000000000000000000', '100001']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `${BASE}?page=${page}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details[0].field).toBe('page');
    }
  });

  it('describes the auth flow first, persists the token, and lists login first', async () => {
    const info = (doc as unknown as { info: { description: string } }).info;
    expect(info.description).toContain('Getting a token');
    expect(info.description).toContain('Authorize');
    const tags = (doc as unknown as { tags: { name: string }[] }).tags.map((x) => x.name);
    expect(tags[0]).toBe('admin-auth');
    const init = await t.app.inject({ method: 'GET', url: '/docs/swagger-ui-init.js' });
    expect(init.body).toContain('"persistAuthorization": true');
  });

  it('shows error bodies with their own status, and details as an array of field errors', () => {
    for (const { op: o } of operations(doc)) {
      for (const [status, res] of Object.entries(o.responses) as [
        string,
        { content?: { 'application/json'?: { example?: { statusCode: number } } } },
      ][]) {
        const example = res.content?.['application/json']?.example;
        if (Number(status) >= 400 && example) expect(example.statusCode).toBe(Number(status));
      }
    }
    const me = op('getCurrentAdmin').op.responses['401'] as {
      content: { 'application/json': { example: object } };
    };
    expect(me.content['application/json'].example).toMatchObject({ error: 'Unauthorized' });
    const err = doc.components.schemas.ApiErrorResponse as {
      properties: { details: { type: string; items: { $ref: string } } };
    };
    expect(err.properties.details.type).toBe('array');
    expect(err.properties.details.items.$ref).toContain('FieldErrorView');
  });

  it('keeps the duplicate users route working but marks it deprecated', async () => {
    expect(op('listAdminUsersLegacy')).toMatchObject({
      path: '/api/v1/admin/auth/users',
      op: { deprecated: true },
    });
    expect(op('listAdminUsers').op.deprecated).toBeUndefined();
    const token = await adminToken(t.app);
    const headers = { authorization: `Bearer ${token}` };
    const legacy = await t.app.inject({ method: 'GET', url: '/api/v1/admin/auth/users', headers });
    const current = await t.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers });
    expect(legacy.statusCode).toBe(200);
    expect(legacy.headers.deprecation).toBe('true');
    expect(legacy.json()).toEqual(current.json());
  });

  it('sends no upgrade-insecure-requests, so /docs works over plain HTTP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('runs the login, create and edit examples unedited', async () => {
    const login = bodyExample(doc, op('login').op) as { username: string; password: string };
    expect(login).toEqual({
      username: envExample('ADMIN_BOOTSTRAP_USERNAME'),
      password: envExample('ADMIN_BOOTSTRAP_PASSWORD'),
    });
    const res = await t.app.inject({ method: 'POST', url: op('login').path, payload: login });
    expect(res.statusCode).toBe(200);
    const headers = { authorization: `Bearer ${res.json().accessToken}` };

    const create = bodyExample(doc, op('createCouponTemplate').op) as Record<string, string>;
    expect(Date.parse(create.claimEndsAt)).toBeGreaterThan(Date.now() + 7 * 86_400_000);
    for (let i = 0; i < 2; i++) {
      const created = await t.app.inject({ method: 'POST', url: BASE, headers, payload: create });
      expect(created.statusCode).toBe(201);
      const id = created.json<{ id: number }>().id;
      const patch = bodyExample(doc, op('updateCouponTemplate').op) as object;
      const url = `${BASE}/${id}`;
      expect(
        (await t.app.inject({ method: 'PATCH', url, headers, payload: patch })).statusCode,
      ).toBe(200);
      const activate = await t.app.inject({ method: 'POST', url: `${url}/activate`, headers });
      expect(activate.statusCode).toBe(200);
      expect(
        (await t.app.inject({ method: 'PATCH', url, headers, payload: patch })).statusCode,
      ).toBe(200);
    }
    // Query examples of the lists are accepted as they are pre-filled.
    for (const id of ['listCouponTemplates', 'searchCoupons', 'listClaimLogs']) {
      const { path, query } = paramExamples(doc, op(id).op);
      expect(path).toEqual({});
      const qs = new URLSearchParams(query as Record<string, string>).toString();
      const list = await t.app.inject({ method: 'GET', url: `${op(id).path}?${qs}`, headers });
      expect(list.statusCode).toBe(200);
    }
  });

  it('generates a typed client from /docs-json that compiles calling every operation', () => {
    // Inside the repo so the generated code resolves openapi-fetch from node_modules.
    const dir = join(ROOT, 'node_modules', '.cache', `wxc-openapi-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
      execFileSync(process.execPath, [
        join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'),
        join(dir, 'openapi.json'),
        '--output',
        join(dir, 'schema.d.ts'),
      ]);
      const calls = operations(doc).map(({ method, path, op: o }) => {
        const { path: inPath, query } = paramExamples(doc, o);
        const params: Record<string, unknown> = {};
        if (Object.keys(inPath).length) params.path = inPath;
        if (Object.keys(query).length) params.query = query;
        const init: Record<string, unknown> = {};
        if (Object.keys(params).length) init.params = params;
        const body = bodyExample(doc, o);
        if (body !== undefined) init.body = body;
        const args = [
          JSON.stringify(path),
          ...(Object.keys(init).length ? [JSON.stringify(init)] : []),
        ];
        return `  await client.${method.toUpperCase()}(${args.join(', ')}); // ${o.operationId}`;
      });
      writeFileSync(
        join(dir, 'client.ts'),
        [
          "import createClient from 'openapi-fetch';",
          "import type { paths } from './schema';",
          '',
          'export async function callEveryOperation(baseUrl: string, token: string) {',
          '  const client = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });',
          ...calls,
          '}',
          '',
        ].join('\n'),
      );
      // The same client with one mistake must fail, or the check above proves nothing.
      writeFileSync(
        join(dir, 'wrong.ts'),
        [
          "import createClient from 'openapi-fetch';",
          "import type { paths } from './schema';",
          'export async function wrong() {',
          '  const client = createClient<paths>({ baseUrl: "http://x" });',
          `  await client.GET(${JSON.stringify(BASE)}, { params: { query: { page: "one" } } });`,
          '}',
        ].join('\n'),
      );
      const tsc = (file: string) => {
        const r = spawnSync(
          process.execPath,
          [
            join(ROOT, 'node_modules/typescript/bin/tsc'),
            '--noEmit',
            '--strict',
            '--target',
            'es2022',
            '--module',
            'nodenext',
            '--moduleResolution',
            'nodenext',
            '--types',
            'node',
            join(dir, file),
          ],
          { cwd: dir, encoding: 'utf8' },
        );
        return { status: r.status, output: r.stdout + r.stderr };
      };
      expect(calls.length).toBe(operations(doc).length);
      expect(tsc('client.ts')).toEqual({ status: 0, output: '' });
      const wrong = tsc('wrong.ts');
      expect(wrong.status).not.toBe(0);
      expect(wrong.output).toMatch(/wrong\.ts.*error TS/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
