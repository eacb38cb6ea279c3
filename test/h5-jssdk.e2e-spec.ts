import { createHash } from 'node:crypto';
import { AccessTokenService } from '@app/wechat';
import { FakeWechatPlatform } from './support/fake-wechat-platform';
import { H5_BASE } from './support/fission';
import { createTestApp, type TestApp } from './support/test-app';
import { TEST_ENV } from './setup/test-env';

/** GET /h5/api/jssdk-config: the jsapi_ticket is shared by all instances like the access_token. */
describe('JS-SDK config and the shared jsapi_ticket (e2e)', () => {
  let platform: FakeWechatPlatform;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    platform = await FakeWechatPlatform.start(TEST_ENV.WECHAT_APP_ID, TEST_ENV.WECHAT_APP_SECRET);
    const env = { WECHAT_API_BASE_URL: platform.url, H5_BASE_URL: H5_BASE };
    a = await createTestApp(env);
    b = await createTestApp(env);
    await (a.redis as { flushdb(): Promise<unknown> }).flushdb();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await platform?.close();
  });

  const config = (t: TestApp, url: string) =>
    t.app.inject({ method: 'GET', url: `/h5/api/jssdk-config?url=${encodeURIComponent(url)}` });

  it('signs our page URL with the ticket: one fetch for 20 concurrent requests on two instances', async () => {
    const url = `${H5_BASE}/h5/share/abc?x=1#frag`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => config(i % 2 ? a : b, url)),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 200));
    expect(platform.count('cgi-bin/ticket/getticket')).toBe(1);
    const body = answers[0].json<{
      appId: string;
      timestamp: number;
      nonceStr: string;
      signature: string;
    }>();
    expect(body.appId).toBe(TEST_ENV.WECHAT_APP_ID);
    const plain =
      `jsapi_ticket=${platform.lastTicket}&noncestr=${body.nonceStr}` +
      `&timestamp=${body.timestamp}&url=${H5_BASE}/h5/share/abc?x=1`;
    expect(body.signature).toBe(createHash('sha1').update(plain).digest('hex'));
  });

  it('is fetched again once the access_token it came with is invalidated', async () => {
    const before = platform.count('cgi-bin/ticket/getticket');
    const tokens = a.app.get(AccessTokenService);
    await tokens.invalidate(await tokens.getToken());
    expect((await config(b, `${H5_BASE}/h5/x`)).statusCode).toBe(200);
    expect(platform.count('cgi-bin/ticket/getticket')).toBe(before + 1);
  });

  it('refuses URLs that are not our pages, or no URL, with 400', async () => {
    expect((await config(a, 'https://evil.example/h5/x')).statusCode).toBe(400);
    expect((await config(a, 'javascript:alert(1)')).statusCode).toBe(400);
    expect((await a.app.inject({ method: 'GET', url: '/h5/api/jssdk-config' })).statusCode).toBe(
      400,
    );
  });
});
