import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { AdminRole, AdminUser, DashboardService, PasswordHasher } from '@app/admin';
import { adminToken } from './support/admin-client';
import { FakeWechatPlatform } from './support/fake-wechat-platform';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { WechatSimulator } from './support/wechat-simulator';
import { codeIn, wxClient } from './support/wx-client';
import { TEST_ENV } from './setup/test-env';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(__dirname, '..');
const SHOTS = join(ROOT, 'docs', 'screenshots');
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
const PASSWORD = 'console-user-password-1';
const keyword = `控制台${process.pid}`;
const wechat = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });
/** Time from the first claim to the dashboard showing all of them (printed for the README). */
let moved = 0;

/**
 * The ops console in real headless Chromium, served by the app itself at /console: people sign
 * in with their admin accounts and each role sees only what it may do.
 */
// A browser on a busy 2-core box: each step waits up to 10 s, a test may need more than 30 s.
jest.setTimeout(60_000);

describe('ops console in headless Chromium (e2e)', () => {
  let t: TestApp;
  let base: string;
  let context: BrowserContext;
  let fake: FakeWechatPlatform;
  const profile = mkdtempSync(join(tmpdir(), 'wxc-console-chromium-'));
  const users: Partial<Record<AdminRole, string>> = {};

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'console', 'index.html'))) {
      execSync('npm run console:build', { cwd: ROOT, stdio: 'ignore' });
    }
    fake = await FakeWechatPlatform.start(TEST_ENV.WECHAT_APP_ID, TEST_ENV.WECHAT_APP_SECRET);
    t = await createTestApp({
      CONSOLE_DIR: join(ROOT, 'dist', 'console'),
      WECHAT_API_BASE_URL: fake.url,
      WECHAT_TOKEN_MODE: 'classic',
    });
    await resetState(t);
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    const repo = t.app.get(DataSource).getRepository(AdminUser);
    const passwordHash = await t.app.get(PasswordHasher).hash(PASSWORD);
    for (const role of [AdminRole.MARKETER, AdminRole.CLERK, AdminRole.VIEWER]) {
      const username = `${role.toLowerCase()}_${process.pid}_${Date.now() % 100000}`;
      await repo.save(repo.create({ username, passwordHash, role }));
      users[role] = username;
    }
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
  }, 90_000);

  afterAll(async () => {
    if (moved) console.log(`dashboard moved ${moved} ms after the first of 3 claims`);
    await context?.close();
    await t?.close();
    await fake?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  /** A fresh tab signed in as a user of this role (sessionStorage is per tab). */
  async function signIn(role: AdminRole): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${base}/console/`);
    await page.getByLabel('用户名').fill(users[role]!);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('whoami').waitFor();
    return page;
  }

  async function apiAs(page: Page, method: string, path: string, body?: unknown) {
    return page.evaluate(
      async ({ method, path, body }) => {
        const s = JSON.parse(sessionStorage.getItem('wxc-console-session') ?? '{}') as {
          token?: string;
        };
        const res = await fetch(path, {
          method,
          headers: {
            authorization: `Bearer ${s.token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      },
      { method, path, body },
    );
  }

  it('signs in, refuses a bad password, and signs out', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/console/dashboard`);
    await page.getByLabel('用户名').fill(users[AdminRole.MARKETER]!);
    await page.getByLabel('密码').fill('wrong-password-123');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expectText(page.getByRole('alert'), '用户名或密码错误');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expectText(page.getByTestId('whoami'), '运营');
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.getByLabel('用户名').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('wxc-console-session'))).toBeNull();
    await page.close();

    // A token the API no longer accepts (expired, revoked): the next call sends them to sign in.
    const stale = await signIn(AdminRole.MARKETER);
    await stale.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('wxc-console-session')!) as { token: string };
      sessionStorage.setItem(
        'wxc-console-session',
        JSON.stringify({ ...s, token: `${s.token.slice(0, -4)}AAAA` }),
      );
    });
    await stale.goto(`${base}/console/templates`); // its first API call answers 401
    await stale.getByLabel('用户名').waitFor();
    expect(await stale.evaluate(() => sessionStorage.getItem('wxc-console-session'))).toBeNull();
    await stale.close();
  });

  it('a marketer creates a template in the form (API errors next to fields) and activates it', async () => {
    const page = await signIn(AdminRole.MARKETER);
    await page.goto(`${base}/console/templates/new`);
    await page.getByLabel('活动名称').fill('控制台立减5元');
    await page.getByLabel('立减金额（元）').fill('5');
    await page.getByLabel('总库存（张）').fill('50');
    await page.getByLabel('领取关键词').fill(keyword);
    // An invalid usage window: the API's own validation message lands under that input.
    await page.getByLabel('每日可用开始').fill('25:99');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const fieldError = page.locator('#usableTimeStart_help');
    await expectText(fieldError, 'usableTimeStart must be HH:mm');

    await page.getByLabel('每日可用开始').fill('');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('heading', { name: '优惠券活动' }).waitFor();
    const row = page.getByRole('row', { name: /控制台立减5元/ });
    await expectText(row, '草稿');
    await expectText(row, '50 / 50');
    await row.getByRole('button', { name: /启\s*用/ }).click();
    await expectText(row, '进行中');
    // Raise the stock of the live template: the list follows.
    await row.getByRole('button', { name: /加库存/ }).click();
    await page.getByLabel('新的总库存').fill('60');
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await expectText(row, '60 / 60');
    // Edit the live template: only what changed is sent (a live template refuses most fields).
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    await expectText(page.getByRole('alert').or(page.locator('.ant-alert')), '活动已开始');
    const patches: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PATCH') patches.push(r.postData() ?? '');
    });
    await page.getByLabel('活动名称').fill('控制台立减5元（第二期）');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expectText(page.getByRole('row', { name: /第二期/ }), '进行中');
    expect(Object.keys(JSON.parse(patches[0]) as object).sort()).toEqual([
      'expectedVersion',
      'name',
    ]);
    await page.close();
  });

  it('a marketer limits a new template to an audience chosen in the form', async () => {
    const token = await adminToken(t.app, AdminRole.MARKETER);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/audiences',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: '控制台VIP名单', kind: 'OPENID_LIST' },
    });
    expect(created.statusCode).toBe(201);
    const audienceId = created.json<{ id: number }>().id;

    const page = await signIn(AdminRole.MARKETER);
    await page.goto(`${base}/console/templates/new`);
    await page.getByLabel('活动名称').fill('控制台会员专享');
    await page.getByLabel('立减金额（元）').fill('8');
    await page.getByLabel('总库存（张）').fill('20');
    await page.getByLabel('目标人群').click();
    await page.getByTitle(/控制台VIP名单（名单，0 人）/).click();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('heading', { name: '优惠券活动' }).waitFor();
    await expectText(page.getByRole('row', { name: /控制台会员专享/ }), '草稿');
    const [row] = await t.db.query<{ audience_id: number | null }[]>(
      "SELECT audience_id FROM coupon_template WHERE name = '控制台会员专享'",
    );
    expect(Number(row.audience_id)).toBe(audienceId);
    await page.close();
  });

  it('the dashboard counter moves within 2 s of claims sent through the WeChat simulator', async () => {
    const page = await signIn(AdminRole.MARKETER);
    await page.goto(`${base}/console/dashboard`);
    await expectText(page.locator('body'), '实时更新中');
    const granted = page.getByTestId('granted-today');
    const before = Number((await granted.innerText()).replace(/\D+/g, '') || '0');
    const started = Date.now();
    for (let i = 0; i < 3; i += 1) {
      expect(await wxClient(t).send(wechat, wechat.text(`o-console-${i}`, keyword))).toContain(
        '券码',
      );
    }
    await expectText(granted, String(before + 3), 2000);
    moved = Date.now() - started;
    await expectText(page.locator('body'), '剩余 57 / 60');

    // The server drops the stream (a restart, a proxy timeout): the page takes a new ticket,
    // reconnects, and its first snapshot includes what happened meanwhile.
    t.app.get(DashboardService).beforeApplicationShutdown();
    expect(await wxClient(t).send(wechat, wechat.text('o-console-gap', keyword))).toContain('券码');
    await expectText(granted, String(before + 4), 8000);
    await expectText(page.locator('body'), '实时更新中');
    await page.close();
  });

  it('a clerk redeems a code once however often the button is tapped, and can undo it', async () => {
    const codes: string[] = [];
    for (const o of ['o-till-1', 'o-till-2']) {
      const code = codeIn(await wxClient(t).send(wechat, wechat.text(o, keyword)));
      codes.push(code!);
    }
    const page = await signIn(AdminRole.CLERK);
    await page.getByRole('heading', { name: '核销' }).waitFor(); // a clerk's home page
    const requestNos: string[] = [];
    let lose = true;
    await page.route('**/api/v1/admin/coupons/*/redeem', async (route) => {
      requestNos.push((route.request().postDataJSON() as { requestNo: string }).requestNo);
      const response = await route.fetch(); // the server redeems ...
      if (lose) {
        lose = false;
        await route.abort('connectionreset'); // ... but the till never hears back
      } else {
        await route.fulfill({ response });
      }
    });
    const redeemed = async (code: string) =>
      Number(
        (
          await t.db.query<{ n: string }[]>(
            'SELECT COUNT(*) AS n FROM coupon_redemption WHERE code = ?',
            [code],
          )
        )[0].n,
      );

    // 1. Lost answer, then a second tap: the same requestNo, one redemption.
    await page.getByLabel('券码').fill(codes[0].toLowerCase());
    await page.getByLabel('券码').press('Enter');
    await expectText(page.getByTestId('coupon-status'), '可使用');
    await page.getByLabel('订单金额（元）').fill('58');
    await expectText(page.getByTestId('quote'), '¥53.00');
    // By its text, not its accessible name: while a request is out antd adds a "loading" icon
    // label to the name, and a tap must still find the button once it settles.
    const button = page.locator('button', { hasText: /^核\s*销$/ });
    await button.click();
    await expectText(page.getByRole('alert'), '不会重复核销');
    await button.click();
    await expectText(page.locator('.ant-result'), '核销成功，应付 ¥53.00');
    expect(requestNos).toHaveLength(2);
    expect(requestNos[1]).toBe(requestNos[0]);
    expect(await redeemed(codes[0])).toBe(1);

    // 2. A double tap on the next coupon: one request (or the same requestNo twice), one row.
    await page.getByRole('button', { name: /下一位/ }).click();
    await page.getByLabel('券码').fill(codes[1]);
    await page.getByLabel('券码').press('Enter');
    await page.getByLabel('订单金额（元）').fill('20');
    await expectText(page.getByTestId('quote'), '¥15.00');
    const before = requestNos.length;
    await button.dblclick();
    await expectText(page.locator('.ant-result'), '核销成功');
    const taps = requestNos.slice(before);
    expect(new Set(taps).size).toBe(1);
    expect(taps[0]).not.toBe(requestNos[0]); // a new attempt gets a fresh requestNo
    expect(await redeemed(codes[1])).toBe(1);

    // 3. Undo within the window: the coupon is usable again.
    await page.getByRole('button', { name: /撤销本次核销/ }).click();
    await expectText(page.locator('.ant-message'), '已撤销核销');
    await expectText(page.getByTestId('coupon-status'), '可使用');
    // And a used coupon is explained, not offered.
    await page.getByLabel('券码').fill(codes[0]);
    await page.getByLabel('券码').press('Enter');
    await expectText(page.getByTestId('coupon-status'), '已核销');
    await page.getByLabel('订单金额（元）').fill('58');
    await expectText(page.getByTestId('quote'), '该券已核销');
    expect(await button.isDisabled()).toBe(true);
    await page.close();
  });

  it("a marketer searches a template's coupons, exports CSV, and publishes the menu after a preview", async () => {
    const page = await signIn(AdminRole.MARKETER);
    await page.goto(`${base}/console/templates`);
    const row = page.getByRole('row', { name: /控制台立减5元/ });
    await row.getByRole('button', { name: /券\s*码/ }).click();
    await page.getByRole('heading', { name: /的券码/ }).waitFor();
    const [{ code }] = await t.db.query<{ code: string }[]>(
      "SELECT code FROM coupon WHERE openid = 'o-console-1'",
    );
    await page.locator('input#code').fill(code);
    await page.getByRole('button', { name: /搜\s*索/ }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    for (let i = 0; i < 100 && (await rows.count()) !== 1; i += 1) await page.waitForTimeout(100);
    expect(await rows.count()).toBe(1);
    await expectText(rows, code);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 CSV/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^template-\d+-coupons\.csv$/);
    const csv = readFileSync(await file.path(), 'utf8');
    expect(csv).toContain(code);
    expect(csv.trim().split('\n').length).toBeGreaterThanOrEqual(6); // header + 5 claimed

    await page.goto(`${base}/console/menu`);
    const json = page.getByLabel(/最多 3 个一级菜单/);
    const four = {
      button: ['一', '二', '三', '四'].map((n) => ({ name: n, type: 'click', key: n })),
    };
    await json.fill(JSON.stringify(four));
    await page.getByRole('button', { name: /发布菜单/ }).click();
    await expectText(page.getByRole('alert'), 'button');
    expect(fake.count('cgi-bin/menu/create')).toBe(0);
    const menu = {
      button: [
        { name: '领券', type: 'click', key: 'MENU_CONSOLE' },
        { name: '会员', sub_button: [{ name: '我的优惠券', type: 'click', key: 'MY' }] },
      ],
    };
    await json.fill(JSON.stringify(menu));
    await expectText(page.getByRole('img', { name: '菜单预览' }), '我的优惠券');
    await page.getByRole('button', { name: /发布菜单/ }).click();
    await expectText(page.locator('.ant-message'), '菜单已发布');
    expect(fake.count('cgi-bin/menu/create')).toBe(1);
    await page.close();
  });

  it('an admin creates and disables an admin user; others do not see the page', async () => {
    const page = await signIn(AdminRole.MARKETER);
    expect(await page.getByRole('menuitem', { name: '管理员' }).count()).toBe(0);
    await page.close();

    const admin = await context.newPage();
    await admin.goto(`${base}/console/`);
    await admin.getByLabel('用户名').fill(TEST_ENV.ADMIN_BOOTSTRAP_USERNAME);
    await admin.getByLabel('密码').fill(TEST_ENV.ADMIN_BOOTSTRAP_PASSWORD);
    await admin.getByRole('button', { name: /登\s*录/ }).click();
    await admin.getByRole('menuitem', { name: '管理员' }).click();
    const name = `clerk_ui_${process.pid}`;
    await admin.getByLabel('用户名').fill(name);
    await admin.getByLabel('初始密码').fill('a-long-initial-password');
    await admin.getByRole('button', { name: /创\s*建/ }).click();
    const row = admin.getByRole('row', { name: new RegExp(name) });
    await expectText(row, '店员');
    await row.getByRole('button', { name: /停\s*用/ }).click();
    await expectText(row, '已停用');
    await admin.close();
  });

  it('a viewer sees the list without edit buttons, and the API refuses edits anyway', async () => {
    const page = await signIn(AdminRole.VIEWER);
    await page.goto(`${base}/console/templates`);
    const row = page.getByRole('row', { name: /控制台立减5元/ });
    await expectText(row, '进行中');
    for (const name of [/编\s*辑/, /暂\s*停/, /结\s*束/, /加库存/, /新建活动/]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    const id = Number(await row.locator('td').first().innerText());
    const res = await apiAs(page, 'POST', `/api/v1/admin/coupon-templates/${id}/pause`);
    expect(res.status).toBe(403);
    // The edit page itself is not offered either.
    await page.goto(`${base}/console/templates/${id}/edit`);
    await expectText(page.locator('main, .ant-result'), '无权访问');
    await page.close();
  });

  it('signs in with the keyboard alone', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/console/`);
    await page.getByLabel('用户名').waitFor();
    expect(await page.evaluate<string>('document.activeElement?.id')).toBe('username');
    await page.keyboard.type(users[AdminRole.VIEWER]!); // the username field has focus
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('whoami'), '只读');
    // The navigation is reachable by Tab and follows with Enter.
    let reached = false;
    for (let i = 0; i < 15 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate<boolean>(
        "document.activeElement?.textContent === '优惠券活动'",
      );
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '优惠券活动' }).waitFor();
    await page.close();
  });

  it('takes the README screenshots, and stays readable at 200 % zoom', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const marketer = await signIn(AdminRole.MARKETER);
    await marketer.goto(`${base}/console/dashboard`);
    await expectText(marketer.locator('body'), '实时更新中');
    await marketer.waitForTimeout(800); // chart animation
    await marketer.screenshot({ path: join(SHOTS, 'console-dashboard.png'), fullPage: true });

    await marketer.goto(`${base}/console/templates/new`);
    await marketer.getByLabel('活动名称').fill('周末满100减20');
    await marketer.getByLabel('立减金额（元）').fill('20');
    await marketer.getByLabel('使用门槛（元）').fill('100');
    await marketer.getByLabel('总库存（张）').fill('200');
    await marketer.getByLabel('每日可用开始').fill('9点');
    await marketer.getByRole('button', { name: /保\s*存/ }).click();
    await marketer.locator('#usableTimeStart_help').waitFor();
    await marketer.screenshot({ path: join(SHOTS, 'console-template-form.png'), fullPage: true });
    await marketer.close();

    const code = codeIn(await wxClient(t).send(wechat, wechat.text('o-shot', keyword)))!;
    const clerk = await signIn(AdminRole.CLERK);
    await clerk.getByLabel('券码').fill(code);
    await clerk.getByLabel('券码').press('Enter');
    await clerk.getByLabel('订单金额（元）').fill('88');
    await expectText(clerk.getByTestId('quote'), '¥83.00');
    await clerk.waitForTimeout(400); // the button's colour transition to enabled
    await clerk.screenshot({ path: join(SHOTS, 'console-redeem.png'), fullPage: true });
    const session = await clerk.evaluate(() => sessionStorage.getItem('wxc-console-session'));
    await clerk.close();

    // 200 % zoom of a 1280 px window: 640 CSS px wide at device scale 2.
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
    });
    try {
      const zoomed = await browser.newContext({
        viewport: { width: 640, height: 800 },
        deviceScaleFactor: 2,
        locale: 'zh-CN',
      });
      const page = await zoomed.newPage();
      await page.goto(`${base}/console/`);
      await page.evaluate((s) => sessionStorage.setItem('wxc-console-session', s!), session);
      await page.goto(`${base}/console/redeem`);
      await page.getByLabel('券码').fill(code);
      await page.getByLabel('券码').press('Enter');
      await page.getByLabel('订单金额（元）').fill('88');
      await expectText(page.getByTestId('quote'), '¥83.00');
      // Nothing runs off the side: no horizontal scrolling needed to read or redeem.
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await page.getByRole('button', { name: /^核\s*销$/ }).isVisible()).toBe(true);
      // The folded navigation opens from a real, focusable button.
      const toggle = page.locator('button[aria-controls="main-nav"]');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await page.getByRole('menuitem', { name: '核销' }).waitFor();
      await page.keyboard.press('Enter'); // folds it again for the screenshot
      await page.screenshot({ path: join(SHOTS, 'console-redeem-200pct.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);
});

/** Waits (up to 10 s) until the locator's text contains `text`. */
async function expectText(
  locator: ReturnType<Page['locator']>,
  text: string,
  timeout = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last =
      (await locator
        .first()
        .innerText()
        .catch(() => '')) ?? '';
    if (last.includes(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected "${text}" in "${last.slice(0, 300)}"`);
}
