import { AdminRole } from '@app/admin';
import {
  AccessTokenService,
  WechatApiClient,
  WechatApiError,
  WechatNetworkError,
} from '@app/wechat';
import { adminToken } from './support/admin-client';
import { FakeWechatPlatform } from './support/fake-wechat-platform';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { TEST_ENV } from './setup/test-env';

/** Three app instances sharing Redis and one fake platform, like three pods behind a balancer. */
describe('WeChat platform: shared access_token, API client, menu (fake platform, real Redis)', () => {
  let fake: FakeWechatPlatform;
  let apps: TestApp[];
  const tokens = () => apps.map((a) => a.app.get(AccessTokenService));
  const client = (i = 0) => apps[i].app.get(WechatApiClient);

  beforeAll(async () => {
    fake = await FakeWechatPlatform.start(TEST_ENV.WECHAT_APP_ID, TEST_ENV.WECHAT_APP_SECRET);
    apps = [];
    for (let i = 0; i < 3; i++) {
      apps.push(
        await createTestApp({
          WECHAT_API_BASE_URL: fake.url,
          WECHAT_API_TIMEOUT_MS: '300',
          WECHAT_TOKEN_MODE: 'classic',
        }),
      );
    }
  });
  beforeEach(async () => {
    await resetState(apps[0]);
    fake.tokenExpiresIn = 7200;
    fake.busy(0);
    fake.slow(0);
    for (const k of Object.keys(fake.calls)) delete fake.calls[k];
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await fake.close();
  });

  /** 50 callers spread over the 3 instances, all at once. */
  const fifty = () => Promise.all(Array.from({ length: 50 }, (_, i) => tokens()[i % 3].getToken()));

  describe('access_token', () => {
    it('50 concurrent requests on 3 instances -> exactly 1 platform fetch, one shared token', async () => {
      const got = await fifty();
      expect(fake.count('cgi-bin/token')).toBe(1);
      expect(new Set(got)).toEqual(new Set([fake.currentToken]));
      await fifty();
      expect(fake.count('cgi-bin/token')).toBe(1);
    });

    it('expiry -> exactly 1 refresh for 50 concurrent callers', async () => {
      fake.tokenExpiresIn = 1;
      const first = await tokens()[0].getToken();
      await new Promise((r) => setTimeout(r, 1100));
      const got = await fifty();
      expect(fake.count('cgi-bin/token')).toBe(2);
      expect(new Set(got)).toEqual(new Set([fake.currentToken]));
      expect(got[0]).not.toBe(first);
    });

    it('refreshes ahead of expiry once, while the others keep the still-valid token', async () => {
      fake.tokenExpiresIn = 2; // refresh window opens at 1.5 s
      const first = await tokens()[0].getToken();
      await new Promise((r) => setTimeout(r, 1600));
      const got = await fifty();
      expect(fake.count('cgi-bin/token')).toBe(2);
      for (const t of got) expect([first, fake.currentToken]).toContain(t);
      expect(await tokens()[2].getToken()).toBe(fake.currentToken);
    });

    it('backs off on -1 (system busy) while fetching and still fetches once per success', async () => {
      fake.busy(2, 'cgi-bin/token');
      const got = await fifty();
      expect(fake.count('cgi-bin/token')).toBe(3);
      expect(new Set(got)).toEqual(new Set([fake.currentToken]));
    });

    it('stable mode uses POST cgi-bin/stable_token with the documented body', async () => {
      const stable = await createTestApp({
        WECHAT_API_BASE_URL: fake.url,
        WECHAT_TOKEN_MODE: 'stable',
      });
      try {
        await stable.redis.flushdb();
        const token = await stable.app.get(AccessTokenService).getToken();
        expect(token).toBe(fake.currentToken);
        expect(fake.count('cgi-bin/stable_token')).toBe(1);
        expect(fake.lastBody['cgi-bin/stable_token']).toEqual({
          grant_type: 'client_credential',
          appid: TEST_ENV.WECHAT_APP_ID,
          secret: TEST_ENV.WECHAT_APP_SECRET,
          force_refresh: false,
        });
      } finally {
        await stable.close();
      }
    });
  });

  describe('API client', () => {
    it('a 40001 -> one refresh and one retry', async () => {
      await tokens()[0].getToken();
      fake.invalidateCurrentToken();
      expect(await client().getCallbackIps()).toEqual(['127.0.0.1']);
      expect(fake.count('cgi-bin/token')).toBe(2);
      expect(fake.count('cgi-bin/getcallbackip')).toBe(2);
    });

    it('a 42001 (expired) on a send -> one refresh, one retry, one delivery', async () => {
      await tokens()[0].getToken();
      fake.expireCurrentToken();
      const before = fake.sent.length;
      await client(1).sendCustomText('o-x', 'hi');
      expect(fake.sent.length).toBe(before + 1);
      expect(fake.count('cgi-bin/token')).toBe(2);
    });

    it('concurrent 40001s on 3 instances -> still exactly one refresh', async () => {
      await tokens()[0].getToken();
      fake.invalidateCurrentToken();
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => client(i % 3).getCallbackIps()),
      );
      expect(results.every((r) => r[0] === '127.0.0.1')).toBe(true);
      expect(fake.count('cgi-bin/token')).toBe(2);
    });

    it('a token that keeps failing is retried once, then the typed error surfaces', async () => {
      await tokens()[0].getToken();
      fake.invalidateCurrentToken();
      fake.busy(0);
      // Every token handed out is immediately invalid: the client must not loop.
      const origIssue = fake.invalidateCurrentToken.bind(fake);
      const spy = setInterval(origIssue, 1);
      try {
        const err = await client()
          .getCallbackIps()
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(WechatApiError);
        expect((err as WechatApiError).errcode).toBe(40001);
        expect(fake.count('cgi-bin/getcallbackip')).toBeLessThanOrEqual(2);
      } finally {
        clearInterval(spy);
      }
    });

    it('-1 busy: idempotent reads back off and succeed; sends are never blindly retried', async () => {
      await tokens()[0].getToken();
      fake.busy(2, 'cgi-bin/getcallbackip');
      expect(await client().getCallbackIps()).toEqual(['127.0.0.1']);
      expect(fake.count('cgi-bin/getcallbackip')).toBe(3);

      fake.busy(1, 'cgi-bin/message/custom/send');
      const err = await client()
        .sendCustomText('o-y', 'hello')
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WechatApiError);
      expect(err).toMatchObject({ errcode: -1, errmsg: 'system error' });
      expect(fake.count('cgi-bin/message/custom/send')).toBe(1);
    });

    it('a slow platform -> per-call timeout; a send that timed out is not repeated', async () => {
      await tokens()[0].getToken();
      fake.slow(600, 'cgi-bin/message/custom/send');
      const err = await client()
        .sendCustomText('o-z', 'slow')
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WechatNetworkError);
      expect((err as Error).message).toContain('timeout');
      expect((err as Error).message).not.toContain(TEST_ENV.WECHAT_APP_SECRET);
      expect(fake.count('cgi-bin/message/custom/send')).toBe(1);
    });
  });

  describe('menu admin API', () => {
    const menu = {
      button: [
        { type: 'click', name: '今日领券', key: 'COUPON_NEW' },
        {
          name: '活动',
          sub_button: [
            { type: 'view', name: '活动规则', url: 'https://example.com/rules' },
            { type: 'click', name: '我的优惠券', key: 'MY_COUPONS' },
          ],
        },
      ],
    };

    it('publishes the documented JSON (MARKETER) and GET returns the platform menu', async () => {
      const token = await adminToken(apps[0].app, AdminRole.MARKETER);
      const auth = { authorization: `Bearer ${token}` };
      const empty = await apps[0].app.inject({
        method: 'GET',
        url: '/api/v1/admin/wechat/menu',
        headers: auth,
      });
      expect(empty.statusCode).toBe(200);
      expect(empty.json()).toEqual({ button: [] });

      const put = await apps[0].app.inject({
        method: 'PUT',
        url: '/api/v1/admin/wechat/menu',
        headers: auth,
        payload: menu,
      });
      expect(put.statusCode).toBe(200);
      expect(fake.count('cgi-bin/menu/create')).toBe(1);
      expect(fake.lastBody['cgi-bin/menu/create']).toEqual(menu);

      const got = await apps[1].app.inject({
        method: 'GET',
        url: '/api/v1/admin/wechat/menu',
        headers: auth,
      });
      expect(got.json()).toEqual(menu);
    });

    it('refuses an invalid menu with a 400 naming the problem, before any platform call', async () => {
      const token = await adminToken(apps[0].app);
      const put = (payload: object) =>
        apps[0].app.inject({
          method: 'PUT',
          url: '/api/v1/admin/wechat/menu',
          headers: { authorization: `Bearer ${token}` },
          payload,
        });
      const sixSubs = {
        button: [
          { type: 'click', name: 'A', key: 'A' },
          {
            name: '更多',
            sub_button: Array.from({ length: 6 }, (_, i) => ({
              type: 'click',
              name: `S${i}`,
              key: `S${i}`,
            })),
          },
        ],
      };
      const res = await put(sixSubs);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('button[1].sub_button[5]');
      expect(res.json().details[0].field).toBe('button[1].sub_button[5]');

      // 6 Chinese characters = 18 bytes > 16 for a top-level name.
      const longName = await put({ button: [{ type: 'click', name: '六个汉字名字', key: 'K' }] });
      expect(longName.statusCode).toBe(400);
      expect(longName.json().message).toContain('button[0].name');
      expect(longName.json().message).toContain('18 bytes');

      const four = await put({
        button: Array.from({ length: 4 }, (_, i) => ({ type: 'click', name: `B${i}`, key: 'K' })),
      });
      expect(four.json().message).toContain('button[3]');

      const both = await put({
        button: [
          {
            type: 'click',
            name: 'X',
            key: 'K',
            sub_button: [{ type: 'click', name: 'Y', key: 'Y' }],
          },
        ],
      });
      expect(both.statusCode).toBe(400);
      expect(both.json().message).toContain('either sub_button or a type');

      const noType = await put({ button: [{ name: 'X' }] });
      expect(noType.statusCode).toBe(400);
      const badType = await put({ button: [{ type: 'scan', name: 'X', key: 'K' }] });
      expect(badType.statusCode).toBe(400);

      expect(fake.count('cgi-bin/menu/create')).toBe(0);
    });

    it('is closed to VIEWER', async () => {
      const token = await adminToken(apps[0].app, AdminRole.VIEWER);
      const res = await apps[0].app.inject({
        method: 'GET',
        url: '/api/v1/admin/wechat/menu',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.statusCode).toBe(403);
    });
  });
});
