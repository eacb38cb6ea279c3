import { request } from 'node:http';
import { MetricsServer } from '@app/core';
import { createTestApp, type TestApp } from './support/test-app';
import { PRODUCTION_ENV } from './support/production-env';
import { TEST_ENV } from './setup/test-env';

const TOKEN = 'metrics-scrape-token-0123456789';

/** GET against the internal metrics listener. */
function scrape(port: number, path = '/metrics', authorization?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        headers: authorization ? { authorization } : {},
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Issue #10 item 14: /metrics and /docs need not be public on the app port. */
describe('metrics and API docs exposure (e2e)', () => {
  const boot = async (env: Record<string, string>, body: (t: TestApp) => Promise<void>) => {
    const t = await createTestApp(env);
    try {
      await body(t);
    } finally {
      await t.close();
      for (const key of ['METRICS_PORT', 'METRICS_HOST', 'METRICS_TOKEN', 'SWAGGER_ENABLED']) {
        delete process.env[key];
      }
      Object.assign(process.env, TEST_ENV);
    }
  };

  it('unconfigured (dev/test): GET /metrics on the app port works as before', async () => {
    await boot({}, async (t) => {
      const res = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('http_request_duration_seconds');
    });
  });

  it('METRICS_TOKEN: the app port wants the bearer credential', async () => {
    await boot({ METRICS_TOKEN: TOKEN }, async (t) => {
      const none = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(none.statusCode).toBe(401);
      expect(none.body).not.toContain('http_request_duration_seconds');
      const wrong = await t.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${TOKEN}x` },
      });
      expect(wrong.statusCode).toBe(401);
      const ok = await t.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('http_request_duration_seconds');
    });
  });

  it('METRICS_PORT: metrics only on the internal listener (with the token when set)', async () => {
    await boot(
      { METRICS_PORT: '0', METRICS_HOST: '127.0.0.1', METRICS_TOKEN: TOKEN },
      async (t) => {
        expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
        const port = t.app.get(MetricsServer).port()!;
        expect(port).toBeGreaterThan(0);
        expect((await scrape(port)).status).toBe(401);
        const ok = await scrape(port, '/metrics', `Bearer ${TOKEN}`);
        expect(ok.status).toBe(200);
        expect(ok.body).toContain('wxcoupon_claims_total');
        expect((await scrape(port, '/api/v1/admin/auth/me', `Bearer ${TOKEN}`)).status).toBe(404);
      },
    );
  });

  it('Swagger is off by default in production, on by default elsewhere, and settable', async () => {
    // TEST_ENV turns Swagger on explicitly; '' is "unset".
    await boot({ ...PRODUCTION_ENV, SWAGGER_ENABLED: '' }, async (t) => {
      expect((await t.app.inject({ method: 'GET', url: '/docs-json' })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBe(404);
    });
    await boot({ ...PRODUCTION_ENV, SWAGGER_ENABLED: 'true' }, async (t) => {
      expect((await t.app.inject({ method: 'GET', url: '/docs-json' })).statusCode).toBe(200);
    });
    await boot({ SWAGGER_ENABLED: '' }, async (t) => {
      expect((await t.app.inject({ method: 'GET', url: '/docs-json' })).statusCode).toBe(200);
    });
  });
});
