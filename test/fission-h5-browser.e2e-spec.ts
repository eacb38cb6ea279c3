import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { FissionCampaignService } from '@app/growth';
import { FakeWechatPlatform } from './support/fake-wechat-platform';
import { askLink, truncateFission } from './support/fission';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { TEST_ENV } from './setup/test-env';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = join(__dirname, '..', 'docs', 'screenshots', 'h5-share.png');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** WeChat's in-app browser on an iPhone. */
const WECHAT_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
  'Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN';
const PORT = 41_000 + (process.pid % 1000);
const BASE = `http://127.0.0.1:${PORT}`;

/**
 * A friend's phone, in real headless Chromium: open the shared link, WeChat's OAuth round trip
 * (against the fake platform), the page, 领取, the code on screen.
 */
describe('H5 share page in headless Chromium on a phone viewport (e2e)', () => {
  let platform: FakeWechatPlatform;
  let t: TestApp;
  let context: BrowserContext;
  let page: Page;
  const profile = mkdtempSync(join(tmpdir(), 'wxc-chromium-h5-'));

  beforeAll(async () => {
    platform = await FakeWechatPlatform.start(TEST_ENV.WECHAT_APP_ID, TEST_ENV.WECHAT_APP_SECRET);
    t = await createTestApp({
      WECHAT_API_BASE_URL: platform.url,
      WECHAT_OAUTH_AUTHORIZE_URL: `${platform.url}/connect/oauth2/authorize`,
      H5_BASE_URL: BASE,
      FISSION_RECOVER_INTERVAL_SECONDS: '0',
    });
    await resetState(t);
    await truncateFission(t.db);
    await t.app.listen(PORT, '127.0.0.1');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      userAgent: WECHAT_UA,
      locale: 'zh-CN',
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await t?.close();
    await platform?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('open link -> OAuth round trip -> 领取 -> the code is shown', async () => {
    const friendTpl = await activeTemplate(t.app, {
      name: '新客立减20元',
      description: '全场通用，周末节假日也可用',
      amountCents: 2000,
      thresholdCents: 10000,
    });
    const rewardTpl = await activeTemplate(t.app, { perUserLimit: 5 });
    await t.app.get(FissionCampaignService).create({
      name: '邀请 3 位好友，得 50 元券',
      templateId: friendTpl.id,
      rewardTemplateId: rewardTpl.id,
      invitesRequired: 3,
      maxRewardsPerSharer: 2,
      startsAt: new Date(Date.now() - 60_000),
      endsAt: new Date(Date.now() + 3_600_000),
      shareKeyword: '浏览器邀请',
    });
    const { reply } = await askLink(t, 'o-browser-sharer', '浏览器邀请');
    const link = /https?:\/\/\S+\/h5\/share\/[A-Za-z0-9_-]+/.exec(reply)![0];
    expect(link.startsWith(`${BASE}/h5/share/`)).toBe(true);

    platform.signInBrowserAs('o-browser-friend');
    const visited: string[] = [];
    page.on('request', (r) => {
      if (r.isNavigationRequest()) visited.push(new URL(r.url()).pathname);
    });
    const res = await page.goto(link);
    expect(res?.status()).toBe(200);
    expect(visited).toEqual([
      new URL(link).pathname,
      '/connect/oauth2/authorize',
      '/wx/oauth/callback',
      new URL(link).pathname,
    ]);
    // Browsers carry #wechat_redirect through the redirects, as inside WeChat.
    expect(page.url().split('#')[0]).toBe(link);
    await expect(page.locator('h1').innerText()).resolves.toBe('好友送你一张优惠券');
    await expect(page.locator('.name').innerText()).resolves.toBe('新客立减20元');

    await page.locator('#claim').click();
    const code = page.locator('#code');
    await code.waitFor({ timeout: 10_000 });
    const shown = (await code.innerText()).trim();
    expect(shown).toMatch(/^[0-9A-Z]{16}$/);
    const [row] = await t.db.query<{ openid: string; channel: string }[]>(
      'SELECT openid, channel FROM coupon WHERE code = ?',
      [shown],
    );
    expect(row).toEqual({ openid: 'o-browser-friend', channel: 'SHARE' });
    await expect(page.locator('#result').innerText()).resolves.toContain('领取成功');
    await expect(page.locator('#claim').innerText()).resolves.toBe('已领取');

    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  }, 60_000);
});
