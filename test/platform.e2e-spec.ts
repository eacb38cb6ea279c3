import { InFlightWork } from '@app/core';
import { createTestApp, type TestApp } from './support/test-app';

describe('platform endpoints (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('GET /health/live is public and up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health/live' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
  });

  it('GET /health/ready checks MySQL and Redis', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      details: { mysql: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('unknown routes answer in the standard error format', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/nope' });
    expect([401, 404]).toContain(res.statusCode);
    expect(res.json()).toEqual(
      expect.objectContaining({
        statusCode: res.statusCode,
        error: expect.any(String),
        message: expect.any(String),
      }),
    );
  });

  it('malformed JSON on the admin API is a 400, not a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/auth/login',
      payload: '{"username": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('sends security headers and refuses cross-origin browsers by default', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health/live' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/admin/coupon-templates',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows the configured console origin', async () => {
    const other = await createTestApp({ CORS_ORIGINS: 'https://console.example.com' });
    try {
      const preflight = await other.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/admin/coupon-templates',
        headers: { origin: 'https://console.example.com', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBe('https://console.example.com');
    } finally {
      await other.close();
    }
  });

  it('/health/ready turns 503 as soon as shutdown starts, so traffic drains away', async () => {
    const other = await createTestApp();
    try {
      expect((await other.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(
        200,
      );
      other.app.get(InFlightWork).onModuleDestroy(); // the first step of app.close() / SIGTERM
      const res = await other.app.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ details: { lifecycle: { status: 'down' } } });
    } finally {
      await other.close();
    }
  });
});
