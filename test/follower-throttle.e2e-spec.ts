import { MetricsService } from '@app/core';
import { RATE_LIMITED_TEXT, templateKeys } from '@app/coupon';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { type SimulatedRequest, WechatSimulator } from './support/wechat-simulator';
import { codeIn, wxClient } from './support/wx-client';
import { TEST_ENV } from './setup/test-env';

const safe = new WechatSimulator({
  token: TEST_ENV.WECHAT_TOKEN,
  appId: TEST_ENV.WECHAT_APP_ID,
  encodingAesKey: TEST_ENV.WECHAT_ENCODING_AES_KEY,
});
const LIMIT = 3;

describe('Per-follower claim limit on /wx (Redis-backed, across instances)', () => {
  let a: TestApp;
  let b: TestApp;
  const env = { WX_CLAIM_RATE_LIMIT: String(LIMIT), WX_CLAIM_RATE_WINDOW_SECONDS: '60' };

  beforeAll(async () => {
    a = await createTestApp(env);
    b = await createTestApp(env);
  });
  beforeEach(() => resetState(a));
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  // Never an HTTP error WeChat would retry (send fails on anything but 200): a passive text
  // reply, encrypted like any other.
  const send = (t: TestApp, req: SimulatedRequest) => wxClient(t).send(safe, req);
  const granted = (text: string) => codeIn(text) !== undefined;
  const limitedCount = async (): Promise<number> => {
    let n = 0;
    for (const t of [a, b]) {
      const { values } = await t.app.get(MetricsService).rejected.get();
      n += values.find((v) => v.labels.reason === 'follower_rate_limited')?.value ?? 0;
    }
    return n;
  };

  it('the N+1th claim on either instance gets the friendly reply; others are unaffected', async () => {
    await activeTemplate(a.app, { keyword: '限流券', perUserLimit: 10 });
    const before = await limitedCount();
    const apps = [a, b, a];
    for (const t of apps) expect(granted(await send(t, safe.text('o-thr-1', '限流券')))).toBe(true);

    const onB = await send(b, safe.text('o-thr-1', '限流券'));
    expect(onB).toBe(RATE_LIMITED_TEXT);
    expect(onB).toContain('操作太频繁，请稍后再试');
    expect(await send(a, safe.text('o-thr-1', '限流券'))).toBe(RATE_LIMITED_TEXT);
    expect(await limitedCount()).toBe(before + 2);

    // Another follower has a budget of their own.
    expect(granted(await send(b, safe.text('o-thr-2', '限流券')))).toBe(true);
    // Help texts are not claims: a limited follower still gets them.
    expect(await send(a, safe.text('o-thr-1', '随便说说'))).toContain('发送活动关键词');
    const [{ n }] = await a.db.query<{ n: string }[]>(
      "SELECT COUNT(*) AS n FROM coupon WHERE openid = 'o-thr-1'",
    );
    expect(Number(n)).toBe(LIMIT);
  });

  it('menu clicks count too; non-claim messages do not', async () => {
    await activeTemplate(a.app, { keyword: '菜单限流', menuKey: 'THR_MENU', perUserLimit: 10 });
    for (let i = 0; i < 5; i++) await send(a, safe.text('o-thr-m', `闲聊${i}`));
    await send(b, safe.text('o-thr-m', '绑定手机 123'));
    const t0 = Math.floor(Date.now() / 1000);
    expect(granted(await send(a, safe.click('o-thr-m', 'THR_MENU', t0)))).toBe(true);
    expect(granted(await send(b, safe.click('o-thr-m', 'THR_MENU', t0 + 1)))).toBe(true);
    expect(granted(await send(a, safe.text('o-thr-m', '菜单限流')))).toBe(true);
    expect(await send(b, safe.click('o-thr-m', 'THR_MENU', t0 + 2))).toBe(RATE_LIMITED_TEXT);
  });

  it('a WeChat retry (same MsgId) is counted once and gets the same answer on any instance', async () => {
    await activeTemplate(a.app, { keyword: '重试券', perUserLimit: 10 });
    const before = await limitedCount();
    const first = await send(a, safe.text('o-thr-r', '重试券', '7000000000000000001'));
    expect(granted(first)).toBe(true);
    // Three retries of the first message, spread over both instances: the same coupon, no count.
    for (const t of [b, a, b]) {
      expect(await send(t, safe.text('o-thr-r', '重试券', '7000000000000000001'))).toBe(first);
    }
    expect(granted(await send(b, safe.text('o-thr-r', '重试券')))).toBe(true);
    expect(granted(await send(a, safe.text('o-thr-r', '重试券')))).toBe(true);

    const limitedMsg = '7000000000000000099';
    expect(await send(b, safe.text('o-thr-r', '重试券', limitedMsg))).toBe(RATE_LIMITED_TEXT);
    // Its retries are limited too, but the rejection is recorded once.
    expect(await send(a, safe.text('o-thr-r', '重试券', limitedMsg))).toBe(RATE_LIMITED_TEXT);
    expect(await send(b, safe.text('o-thr-r', '重试券', limitedMsg))).toBe(RATE_LIMITED_TEXT);
    expect(await limitedCount()).toBe(before + 1);
    const [{ n }] = await a.db.query<{ n: string }[]>(
      "SELECT COUNT(*) AS n FROM coupon WHERE openid = 'o-thr-r'",
    );
    expect(Number(n)).toBe(LIMIT);
  });

  it('the budget comes back when the window ends (counter key expires in Redis)', async () => {
    const tpl = await activeTemplate(a.app, { keyword: '窗口券', perUserLimit: 10 });
    for (let i = 0; i < LIMIT; i++) await send(a, safe.text('o-thr-w', '窗口券'));
    expect(await send(b, safe.text('o-thr-w', '窗口券'))).toBe(RATE_LIMITED_TEXT);
    // The window lives in the claim script's own hash slot (one round trip per claim).
    const key = templateKeys(tpl.id).rate('o-thr-w');
    const ttl = await a.redis.pttl(key);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await a.redis.del(key); // what expiry does at the end of the window
    expect(granted(await send(b, safe.text('o-thr-w', '窗口券')))).toBe(true);
  });
});
