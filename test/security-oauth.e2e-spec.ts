import { FakeWechatPlatform } from './support/fake-wechat-platform';
import { createTestApp, type TestApp } from './support/test-app';
import { PRODUCTION_ENV } from './support/production-env';
import { TEST_ENV } from './setup/test-env';

/** Issue #10 items 1 and 13 (cookie): the OAuth callback cannot be turned against followers. */
describe('OAuth callback hardening (e2e)', () => {
  let fake: FakeWechatPlatform;
  let t: TestApp;
  let n = 0;

  beforeAll(async () => {
    fake = await FakeWechatPlatform.start(TEST_ENV.WECHAT_APP_ID, TEST_ENV.WECHAT_APP_SECRET);
    t = await createTestApp({ WECHAT_API_BASE_URL: fake.url, TRUST_PROXY: 'false' });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
    delete process.env.WECHAT_API_BASE_URL;
  });

  const callback = (query: string) => {
    n += 1;
    fake.addOAuthCode(`code-${n}`, `o-sec-${n}`);
    return t.app.inject({ method: 'GET', url: `/wx/oauth/callback?code=code-${n}&${query}` });
  };

  it.each([
    '/.//evil.com',
    '/%2e%2e//evil.com',
    '/%2E%2E//evil.com',
    '/a/..//evil.com',
    '/./%2e/..//evil.com',
    '/%2e//evil.com/x?y',
  ])('never redirects off-site, whatever normalisation makes of %p', async (state) => {
    const res = await callback(`state=${encodeURIComponent(state)}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('still redirects to a same-origin path, normalised', async () => {
    const res = await callback(`state=${encodeURIComponent('/h5/./share/%2e%2e/coupons?tab=1')}`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/h5/coupons?tab=1');
  });

  it('a repeated state (or code) parameter is a 400, not a crash', async () => {
    const twice = await callback('state=/a&state=/b');
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ statusCode: 400, message: 'state must be given once' });
    const codes = await t.app.inject({
      method: 'GET',
      url: '/wx/oauth/callback?code=a&code=b&state=/x',
    });
    expect(codes.statusCode).toBe(400);
  });

  it('never echoes the session cookie value in the JSON body', async () => {
    const res = await callback('state=opaque-value');
    expect(res.statusCode).toBe(200);
    const value = /^wxc_session=([^;]+)/.exec(String(res.headers['set-cookie']))![1];
    expect(value).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/); // payload.mac, checked in platform specs
    expect(res.body).not.toContain(value);
    expect(Object.keys(res.json()).sort()).toEqual(['expiresAt', 'openid']);
  });

  describe('Secure cookie behind a TLS-terminating proxy that talks plain HTTP', () => {
    const secureWith = async (env: Record<string, string>, headers: Record<string, string>) => {
      const platform = await FakeWechatPlatform.start(
        env.WECHAT_APP_ID ?? TEST_ENV.WECHAT_APP_ID,
        TEST_ENV.WECHAT_APP_SECRET,
      );
      const app = await createTestApp({ WECHAT_API_BASE_URL: platform.url, ...env });
      try {
        n += 1;
        platform.addOAuthCode(`code-${n}`, `o-sec-${n}`);
        const res = await app.app.inject({
          method: 'GET',
          url: `/wx/oauth/callback?code=code-${n}`,
          headers,
        });
        expect(res.statusCode).toBe(200);
        return String(res.headers['set-cookie']).includes('; Secure');
      } finally {
        await app.close();
        await platform.close();
        delete process.env.OAUTH_COOKIE_SECURE;
        Object.assign(process.env, TEST_ENV, { WECHAT_API_BASE_URL: fake.url });
      }
    };

    it('production sets Secure even when the upstream hop is http (the shipped nginx)', async () => {
      expect(
        await secureWith(
          { ...PRODUCTION_ENV, TRUST_PROXY: 'true' },
          { 'x-forwarded-proto': 'http' },
        ),
      ).toBe(true);
    });

    it('OAUTH_COOKIE_SECURE overrides: true always, auto follows the request scheme', async () => {
      expect(await secureWith({ OAUTH_COOKIE_SECURE: 'true' }, {})).toBe(true);
      expect(await secureWith({ OAUTH_COOKIE_SECURE: 'auto' }, {})).toBe(false);
      expect(
        await secureWith(
          { OAUTH_COOKIE_SECURE: 'auto', TRUST_PROXY: 'true' },
          { 'x-forwarded-proto': 'https' },
        ),
      ).toBe(true);
    });
  });
});
