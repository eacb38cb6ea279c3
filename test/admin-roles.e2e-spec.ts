import SwaggerParser from '@apidevtools/swagger-parser';
import { AdminRole } from '@app/admin';
import { generateCouponCode } from '@app/coupon';
import { adminToken } from './support/admin-client';
import { TEST_ENV } from './setup/test-env';
import { FakeWechatPlatform } from './support/fake-wechat-platform';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate, templateBody } from './support/templates';

const { ADMIN, MARKETER, CLERK, VIEWER } = AdminRole;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

interface Route {
  method: Method;
  path: string;
  allowed: AdminRole[];
  body?: () => object;
}

/** Who may call what. Allowed roles get 2xx or a non-403 4xx (e.g. 404 for an unknown id). */
const ROUTES = (ids: { tpl: number; code: string }): Route[] => {
  const unknown = generateCouponCode();
  return [
    { method: 'GET', path: '/api/v1/admin/auth/me', allowed: [ADMIN, MARKETER, CLERK, VIEWER] },
    { method: 'GET', path: '/api/v1/admin/auth/users', allowed: [ADMIN] },
    {
      method: 'POST',
      path: '/api/v1/admin/auth/change-password',
      allowed: [ADMIN, MARKETER, CLERK, VIEWER],
      body: () => ({ currentPassword: 'definitely-wrong', newPassword: 'another-long-pass' }),
    },
    { method: 'GET', path: '/api/v1/admin/users', allowed: [ADMIN] },
    {
      method: 'POST',
      path: '/api/v1/admin/users',
      allowed: [ADMIN],
      body: () => ({
        username: `r_${Math.random().toString(36).slice(2, 10)}`,
        password: 'x'.repeat(12),
        role: 'VIEWER',
      }),
    },
    { method: 'POST', path: '/api/v1/admin/users/999999/disable', allowed: [ADMIN] },
    { method: 'POST', path: '/api/v1/admin/users/999999/enable', allowed: [ADMIN] },
    {
      method: 'POST',
      path: '/api/v1/admin/users/999999/reset-password',
      allowed: [ADMIN],
      body: () => ({ newPassword: 'y'.repeat(12) }),
    },
    {
      method: 'GET',
      path: '/api/v1/admin/coupon-templates',
      allowed: [ADMIN, MARKETER, VIEWER], // clerks look up and redeem coupons only
    },
    {
      method: 'GET',
      path: `/api/v1/admin/coupon-templates/${ids.tpl}`,
      allowed: [ADMIN, MARKETER, VIEWER],
    },
    {
      method: 'POST',
      path: '/api/v1/admin/coupon-templates',
      allowed: [ADMIN, MARKETER],
      body: () => templateBody(),
    },
    {
      method: 'PATCH',
      path: `/api/v1/admin/coupon-templates/${ids.tpl}`,
      allowed: [ADMIN, MARKETER],
      body: () => ({ description: 'edited' }),
    },
    {
      method: 'POST',
      path: '/api/v1/admin/coupon-templates/999999/activate',
      allowed: [ADMIN, MARKETER],
    },
    {
      method: 'POST',
      path: '/api/v1/admin/coupon-templates/999999/pause',
      allowed: [ADMIN, MARKETER],
    },
    {
      method: 'POST',
      path: '/api/v1/admin/coupon-templates/999999/end',
      allowed: [ADMIN, MARKETER],
    },
    {
      method: 'GET',
      path: `/api/v1/admin/coupon-templates/${ids.tpl}/coupons.csv`,
      allowed: [ADMIN, MARKETER, VIEWER],
    },
    { method: 'GET', path: '/api/v1/admin/coupons', allowed: [ADMIN, MARKETER, VIEWER] },
    {
      method: 'GET',
      path: `/api/v1/admin/coupons/${ids.code}`,
      allowed: [ADMIN, MARKETER, CLERK, VIEWER],
    },
    {
      method: 'POST',
      path: `/api/v1/admin/coupons/${unknown}/redeem`,
      allowed: [ADMIN, MARKETER, CLERK],
      body: () => ({ requestNo: 'ROLE-1', orderAmountCents: 100 }),
    },
    {
      method: 'POST',
      path: `/api/v1/admin/coupons/${unknown}/redeem/undo`,
      allowed: [ADMIN, MARKETER, CLERK],
      body: () => ({ requestNo: 'ROLE-1' }),
    },
    {
      method: 'POST',
      path: `/api/v1/admin/coupons/${unknown}/revoke`,
      allowed: [ADMIN, MARKETER],
      body: () => ({ reason: 'role test' }),
    },
    { method: 'GET', path: '/api/v1/admin/stats/overview', allowed: [ADMIN, MARKETER, VIEWER] },
    { method: 'GET', path: '/api/v1/admin/wechat/menu', allowed: [ADMIN, MARKETER] },
    {
      method: 'PUT',
      path: '/api/v1/admin/wechat/menu',
      allowed: [ADMIN, MARKETER],
      body: () => ({
        button: [{ type: 'click', name: '领券', key: 'ROLE_MENU' }],
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/admin/followers?phone=13800138000',
      allowed: [ADMIN], // a lookup would confirm a masked number (issue #10 item 6)
    },
    {
      method: 'GET',
      path: '/api/v1/admin/followers/o-nobody',
      allowed: [ADMIN, MARKETER, CLERK, VIEWER],
    },
    { method: 'GET', path: '/api/v1/admin/audit/claim-logs', allowed: [ADMIN, MARKETER, VIEWER] },
    {
      method: 'GET',
      path: '/api/v1/admin/audit/claim-logs/summary?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z',
      allowed: [ADMIN, MARKETER, VIEWER],
    },
    {
      method: 'GET',
      path: `/api/v1/admin/stats/templates/${ids.tpl}`,
      allowed: [ADMIN, MARKETER, VIEWER],
    },
    // Share-link fission (issue #13): marketers run campaigns, viewers read them.
    {
      method: 'POST',
      path: '/api/v1/admin/fission-campaigns',
      allowed: [ADMIN, MARKETER],
      body: () => ({
        name: 'role test',
        templateId: ids.tpl,
        rewardTemplateId: 999999,
        invitesRequired: 3,
        maxRewardsPerSharer: 1,
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 60_000).toISOString(),
      }),
    },
    { method: 'GET', path: '/api/v1/admin/fission-campaigns', allowed: [ADMIN, MARKETER, VIEWER] },
    {
      method: 'GET',
      path: '/api/v1/admin/fission-campaigns/999999',
      allowed: [ADMIN, MARKETER, VIEWER],
    },
    {
      method: 'GET',
      path: '/api/v1/admin/fission-campaigns/999999/stats',
      allowed: [ADMIN, MARKETER, VIEWER],
    },
    {
      method: 'POST',
      path: '/api/v1/admin/fission-campaigns/999999/pause',
      allowed: [ADMIN, MARKETER],
    },
    {
      method: 'POST',
      path: '/api/v1/admin/fission-campaigns/999999/activate',
      allowed: [ADMIN, MARKETER],
    },
    {
      method: 'POST',
      path: '/api/v1/admin/fission-campaigns/999999/end',
      allowed: [ADMIN, MARKETER],
    },
  ];
};

describe('admin: every route x every role (e2e)', () => {
  let t: TestApp;
  const tokens = {} as Record<AdminRole, string>;
  let routes: Route[];

  let platform: FakeWechatPlatform;

  beforeAll(async () => {
    // The menu routes call the platform: a fake one, so allowed roles get real answers.
    platform = await FakeWechatPlatform.start(TEST_ENV.WECHAT_APP_ID, TEST_ENV.WECHAT_APP_SECRET);
    t = await createTestApp({
      COUPON_EXPIRY_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'error',
      WECHAT_API_BASE_URL: platform.url,
    });
    await resetState(t);
    for (const role of [ADMIN, MARKETER, CLERK, VIEWER])
      tokens[role] = await adminToken(t.app, role);
    const tpl = await activeTemplate(t.app);
    const code = generateCouponCode();
    await t.db.query(
      `INSERT INTO coupon (code, template_id, openid, stock_seq, user_seq, request_key, channel,
         status, valid_from, valid_to, claimed_at)
       VALUES (?, ?, 'o-role', 1, 1, 'k-role', 'KEYWORD', 'AVAILABLE', NOW(3), NOW(3) + INTERVAL 1 DAY, NOW(3))`,
      [code, tpl.id],
    );
    routes = ROUTES({ tpl: tpl.id, code });
  });
  afterAll(async () => {
    await t.close();
    await platform.close();
    delete process.env.WECHAT_API_BASE_URL;
  });

  it('each role can do exactly what it should (403 otherwise), and nothing without a token', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      const anon = await t.app.inject({ method: r.method, url: r.path, payload: r.body?.() });
      if (anon.statusCode !== 401)
        failures.push(`${r.method} ${r.path} anonymous -> ${anon.statusCode}`);
      for (const role of [ADMIN, MARKETER, CLERK, VIEWER]) {
        const res = await t.app.inject({
          method: r.method,
          url: r.path,
          payload: r.body?.(),
          headers: { authorization: `Bearer ${tokens[role]}` },
        });
        const ok = r.allowed.includes(role);
        const fine = ok
          ? res.statusCode < 500 && res.statusCode !== 403 && res.statusCode !== 401
          : res.statusCode === 403;
        if (!fine)
          failures.push(`${r.method} ${r.path} as ${role} -> ${res.statusCode} ${res.body}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('documents every route: bearer auth, error responses, valid OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json();
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeDefined();
    const missing: string[] = [];
    for (const r of routes) {
      const path = r.path
        .split('?')[0]
        .replace('/followers/o-nobody', '/followers/{openid}')
        .replace(/\/\d+(?=\/|$)/g, '/{id}')
        .replace(/\/[0-9A-Z]{16}(?=\/|$)/g, '/{code}');
      const op:
        | {
            security?: Record<string, unknown>[];
            responses: Record<string, unknown>;
            summary?: string;
          }
        | undefined = doc.paths[path]?.[r.method.toLowerCase()];
      if (!op) {
        missing.push(`${r.method} ${path}: not documented`);
        continue;
      }
      if (!op.security?.some((s: Record<string, unknown>) => 'bearer' in s))
        missing.push(`${path}: no bearer`);
      if (!op.responses['401'] || !op.responses['403']) {
        if (r.allowed.length < 4) missing.push(`${r.method} ${path}: no 401/403 documented`);
      }
      if (!op.summary) missing.push(`${r.method} ${path}: no summary`);
    }
    expect(missing).toEqual([]);
    expect(doc.components.schemas.CouponStatus.enum).toEqual([
      'AVAILABLE',
      'USED',
      'EXPIRED',
      'REVOKED',
    ]);
  });
});
