import { createTestApp, type TestApp } from './support/test-app';

/** The contract integrators generate clients from: the operations, and the admin auth on each. */
describe('OpenAPI document (/docs-json)', () => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, { security?: unknown[]; responses: object }>>;
  };
  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'error' });
    doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json();
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );

  it('lists the same operations', () => {
    expect(operations().sort()).toEqual(
      [
        'GET /health/live',
        'GET /health/ready',
        'POST /api/v1/admin/coupon-templates',
        'GET /api/v1/admin/coupon-templates',
        'GET /api/v1/admin/coupon-templates/{id}',
        'PATCH /api/v1/admin/coupon-templates/{id}',
        'POST /api/v1/admin/coupon-templates/{id}/activate',
        'POST /api/v1/admin/coupon-templates/{id}/pause',
        'POST /api/v1/admin/coupon-templates/{id}/end',
        'GET /api/v1/admin/wechat/menu',
        'PUT /api/v1/admin/wechat/menu',
        'GET /api/v1/admin/audit/claim-logs',
        'GET /api/v1/admin/audit/claim-logs/summary',
        'GET /api/v1/admin/coupons',
        'GET /api/v1/admin/coupons/{code}',
        'GET /api/v1/admin/coupons/{code}/quote',
        'POST /api/v1/admin/coupons/{code}/redeem',
        'POST /api/v1/admin/coupons/{code}/redeem/undo',
        'POST /api/v1/admin/coupons/{code}/revoke',
        'GET /api/v1/admin/coupon-templates/{id}/coupons.csv',
        'GET /api/v1/admin/stats/overview',
        'GET /api/v1/admin/stats/templates/{id}',
        'POST /api/v1/admin/users',
        'GET /api/v1/admin/users',
        'POST /api/v1/admin/users/{id}/disable',
        'POST /api/v1/admin/users/{id}/enable',
        'POST /api/v1/admin/users/{id}/reset-password',
        'POST /api/v1/admin/auth/change-password',
        'GET /api/v1/admin/followers',
        'GET /api/v1/admin/followers/{openid}',
        'POST /api/v1/admin/auth/login',
        'GET /api/v1/admin/auth/me',
        'GET /api/v1/admin/auth/users',
        'POST /api/v1/admin/audiences',
        'GET /api/v1/admin/audiences',
        'GET /api/v1/admin/audiences/{id}',
        'PUT /api/v1/admin/audiences/{id}/members',
        'POST /api/v1/admin/audiences/{id}/members:add',
        'POST /api/v1/admin/audiences/{id}/members:remove',
        'POST /api/v1/admin/audiences/{id}/sync',
        'GET /api/v1/admin/wechat/tags',
        'POST /api/v1/admin/wechat/tags',
        'GET /api/v1/admin/jobs/{id}',
        'POST /api/v1/admin/wechat/tags/{tagId}/members/from-coupons',
        'POST /api/v1/admin/campaign-pushes',
        'GET /api/v1/admin/campaign-pushes/{id}',
        'POST /api/v1/admin/dashboard/stream-ticket',
        'GET /api/v1/admin/dashboard/stream',
        'GET /api/v1/admin/dashboard/snapshot',
        'GET /api/v1/admin/dashboard/hourly',
        'POST /api/v1/admin/fission-campaigns',
        'GET /api/v1/admin/fission-campaigns',
        'GET /api/v1/admin/fission-campaigns/{id}',
        'GET /api/v1/admin/fission-campaigns/{id}/stats',
        'POST /api/v1/admin/fission-campaigns/{id}/pause',
        'POST /api/v1/admin/fission-campaigns/{id}/activate',
        'POST /api/v1/admin/fission-campaigns/{id}/end',
        'POST /h5/api/share/{token}/claim',
        'GET /h5/api/jssdk-config',
      ].sort(),
    );
  });

  // The dashboard stream is for EventSource, which sends no headers: its single-use ticket (from
  // a bearer-authenticated POST) is the credential, and a bad one is a 401.
  const TICKETED = '/api/v1/admin/dashboard/stream';

  it('every admin operation but login declares the bearer token and its 401', () => {
    expect(doc.paths[TICKETED].get.responses).toHaveProperty('401');
    const admin = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/admin/') && path !== '/api/v1/admin/auth/login')
      .filter(([path]) => path !== TICKETED)
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([m, op]) => ({ op: `${m} ${path}`, ...op })),
      );
    expect(admin.length).toBeGreaterThan(0);
    for (const { op, security, responses } of admin) {
      expect({ op, security }).toEqual({ op, security: [{ bearer: [] }] });
      expect({ op, has401: '401' in responses }).toEqual({ op, has401: true });
    }
  });
});
