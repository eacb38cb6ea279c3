import { AdminRole } from '@app/admin';
import { adminToken } from './support/admin-client';
import { createTestApp, type TestApp } from './support/test-app';

/** The admin API limit is per bearer token and shared by every instance through Redis. */
describe('admin API rate limit across instances (e2e)', () => {
  let a: TestApp;
  let b: TestApp;
  const env = { ADMIN_RATE_LIMIT: '5', ADMIN_RATE_WINDOW_SECONDS: '60' };

  beforeAll(async () => {
    a = await createTestApp(env);
    b = await createTestApp(env);
    await (a.redis as { flushdb(): Promise<unknown> }).flushdb();
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const me = (t: TestApp, token: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });

  it('counts one token on both instances, answers 429 in the standard format, spares others', async () => {
    const token = await adminToken(a.app); // the login itself counts for the caller's IP only
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await me(i % 2 === 0 ? a : b, token)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);

    const limited = await me(b, token);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    const other = await adminToken(b.app, AdminRole.VIEWER);
    expect((await me(a, other)).statusCode).toBe(200);
  });

  it('never throttles the WeChat callback or health checks here', async () => {
    for (let i = 0; i < 8; i++) {
      expect((await a.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
      expect((await a.app.inject({ method: 'GET', url: '/wx' })).statusCode).toBe(401);
    }
  });
});
