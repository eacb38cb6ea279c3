import SwaggerParser from '@apidevtools/swagger-parser';
import { AdminRole } from '@app/admin';
import { adminToken } from './support/admin-client';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { templateBody } from './support/templates';

const BASE = '/api/v1/admin/coupon-templates';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; errors: string[] }[];
}

describe('admin: coupon templates (e2e)', () => {
  let t: TestApp;
  let marketer: string;
  let viewer: string;
  let clerk: string;

  beforeAll(async () => {
    t = await createTestApp();
    await resetState(t);
    marketer = await adminToken(t.app, AdminRole.MARKETER);
    viewer = await adminToken(t.app, AdminRole.VIEWER);
    clerk = await adminToken(t.app, AdminRole.CLERK);
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      payload,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  const fieldsOf = (body: ErrorBody) => (body.details ?? []).map((d) => d.field);

  it('creates a DRAFT template (201) with the fields as sent', async () => {
    const body = templateBody({ keyword: '建券', thresholdCents: 5000, description: '满50减10' });
    const res = await call('POST', BASE, marketer, body);
    expect(res.statusCode).toBe(201);
    const tpl = res.json();
    expect(tpl).toMatchObject({
      status: 'DRAFT',
      name: body.name,
      discountType: 'AMOUNT',
      amountCents: 1000,
      thresholdCents: 5000,
      totalQuantity: 100,
      perUserLimit: 1,
      validityType: 'RELATIVE',
      validDays: 7,
      keyword: '建券',
      claimStartsAt: body.claimStartsAt,
      claimEndsAt: body.claimEndsAt,
      issuedCount: 0,
      remaining: 100,
    });
    expect(typeof tpl.id).toBe('number');
  });

  it('defaults perUserLimit to 1 and accepts PERCENT with FIXED validity', async () => {
    const now = Date.now();
    const res = await call('POST', BASE, marketer, {
      ...templateBody(),
      discountType: 'PERCENT',
      amountCents: undefined,
      percentOff: 20,
      maxDiscountCents: 3000,
      perUserLimit: undefined,
      validityType: 'FIXED',
      validDays: undefined,
      validFrom: new Date(now).toISOString(),
      validTo: new Date(now + 86_400_000).toISOString(),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      percentOff: 20,
      maxDiscountCents: 3000,
      perUserLimit: 1,
      amountCents: null,
    });
  });

  it.each([
    ['AMOUNT without amountCents', { amountCents: undefined }, 'amountCents'],
    [
      'PERCENT without percentOff',
      { discountType: 'PERCENT', amountCents: undefined },
      'percentOff',
    ],
    [
      'percentOff out of 1-99',
      { discountType: 'PERCENT', amountCents: undefined, percentOff: 100 },
      'percentOff',
    ],
    [
      'end before start',
      { claimStartsAt: '2026-12-02T00:00:00.000Z', claimEndsAt: '2026-12-01T00:00:00.000Z' },
      'claimEndsAt',
    ],
    [
      'FIXED without validTo',
      { validityType: 'FIXED', validDays: undefined, validFrom: '2026-12-01T00:00:00.000Z' },
      'validTo',
    ],
    ['RELATIVE without validDays', { validDays: undefined }, 'validDays'],
    ['zero stock', { totalQuantity: 0 }, 'totalQuantity'],
    ['non-integer cents', { amountCents: 9.5 }, 'amountCents'],
    ['not a date', { claimStartsAt: 'tomorrow' }, 'claimStartsAt'],
    ['unknown field', { surprise: true }, 'surprise'],
    ['bad discount type', { discountType: 'FREE' }, 'discountType'],
  ])('400 naming the field: %s', async (_name, overrides, field) => {
    const res = await call('POST', BASE, marketer, { ...templateBody(), ...overrides });
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(body.message).toContain(field);
    expect(fieldsOf(body)).toContain(field);
  });

  it('400 when the keyword or menu key is taken by another live template; free again once it ends', async () => {
    const first = await call(
      'POST',
      BASE,
      marketer,
      templateBody({ keyword: '唯一', menuKey: 'ONLY_ONE' }),
    );
    expect(first.statusCode).toBe(201);
    const kw = await call('POST', BASE, marketer, templateBody({ keyword: '唯一' }));
    expect(kw.statusCode).toBe(400);
    expect(fieldsOf(kw.json())).toEqual(['keyword']);
    const menu = await call('POST', BASE, marketer, templateBody({ menuKey: 'ONLY_ONE' }));
    expect(menu.statusCode).toBe(400);
    expect(fieldsOf(menu.json())).toEqual(['menuKey']);

    expect((await call('POST', `${BASE}/${first.json().id}/end`, marketer)).statusCode).toBe(200);
    expect((await call('POST', BASE, marketer, templateBody({ keyword: '唯一' }))).statusCode).toBe(
      201,
    );
  });

  it('walks the lifecycle with compare-and-set transitions; illegal ones are 409', async () => {
    const id = (await call('POST', BASE, marketer, templateBody())).json().id as number;
    const step = async (action: string, status: number) => {
      const res = await call('POST', `${BASE}/${id}/${action}`, marketer);
      expect(res.statusCode).toBe(status);
      return res.json();
    };
    await step('pause', 409); // DRAFT cannot pause
    expect((await step('activate', 200)).status).toBe('ACTIVE');
    expect((await step('activate', 409)).message).toContain('ACTIVE');
    expect((await step('pause', 200)).status).toBe('PAUSED');
    expect((await step('activate', 200)).status).toBe('ACTIVE');
    const ended = await step('end', 200);
    expect(ended).toMatchObject({ status: 'ENDED', issuedCount: 0, remaining: 100 });
    expect(ended.version).toBeGreaterThan(1);
    await step('activate', 409);
    await step('end', 409);
  });

  it('only one of many concurrent activations wins', async () => {
    const id = (await call('POST', BASE, marketer, templateBody())).json().id as number;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => call('POST', `${BASE}/${id}/activate`, marketer)),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(7);
  });

  it('lists with pagination (newest first) and shows one with live counts; 404 / 400 on bad ids', async () => {
    for (let i = 0; i < 3; i++) await call('POST', BASE, marketer, templateBody());
    const page1 = await call('GET', `${BASE}?page=1&pageSize=2`, viewer);
    expect(page1.statusCode).toBe(200);
    const p1 = page1.json();
    expect(p1.items).toHaveLength(2);
    expect(p1).toMatchObject({ page: 1, pageSize: 2 });
    expect(p1.total).toBeGreaterThanOrEqual(3);
    expect(p1.items[0].id).toBeGreaterThan(p1.items[1].id);
    const p2 = (await call('GET', `${BASE}?page=2&pageSize=2`, viewer)).json();
    expect(p2.items[0].id).toBeLessThan(p1.items[1].id);

    const one = await call('GET', `${BASE}/${p1.items[0].id}`, viewer);
    expect((await call('GET', `${BASE}/${p1.items[0].id}`, clerk)).statusCode).toBe(403);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: p1.items[0].id, issuedCount: 0, remaining: 100 });

    expect((await call('GET', `${BASE}/999999`, viewer)).statusCode).toBe(404);
    expect((await call('GET', `${BASE}/abc`, viewer)).statusCode).toBe(400);
    expect((await call('GET', `${BASE}?pageSize=1000`, viewer)).statusCode).toBe(400);
    expect((await call('POST', `${BASE}/999999/activate`, marketer)).statusCode).toBe(404);
  });

  it('401 without or with a bad token; 403 for roles that may not write', async () => {
    expect((await call('GET', BASE)).statusCode).toBe(401);
    expect((await call('POST', BASE, 'not-a-jwt', templateBody())).statusCode).toBe(401);
    const asViewer = await call('POST', BASE, viewer, templateBody());
    expect(asViewer.statusCode).toBe(403);
    expect(asViewer.json()).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    expect((await call('POST', BASE, clerk, templateBody())).statusCode).toBe(403);
    const admin = await adminToken(t.app);
    expect((await call('POST', BASE, admin, templateBody())).statusCode).toBe(201);
  });

  it('serves a valid OpenAPI document with bearer auth declared', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs-json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeDefined();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        BASE,
        `${BASE}/{id}`,
        `${BASE}/{id}/activate`,
        '/api/v1/admin/auth/login',
      ]),
    );
    expect((await t.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBe(200);
  });
});
