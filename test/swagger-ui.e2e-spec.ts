import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from './support/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = join(__dirname, '..', 'docs', 'screenshots', 'swagger-ui.png');
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

/**
 * An integrator's first minutes, in real headless Chromium: open /docs over plain HTTP, run the
 * login example, Authorize with its token, then create and list templates, all unedited.
 */
describe('Swagger UI in headless Chromium (e2e)', () => {
  let t: TestApp;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  const profile = mkdtempSync(join(tmpdir(), 'wxc-chromium-'));

  beforeAll(async () => {
    t = await createTestApp();
    // A non-loopback-looking host would be the real case; plain HTTP is what matters for CSP.
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 1600 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await t.close();
    rmSync(profile, { recursive: true, force: true });
  });

  /** Expands an operation and presses Execute; returns the HTTP status the UI shows. */
  async function execute(opId: string, urlPart: string, method: string): Promise<string> {
    const block = page.locator(`[id$="-${opId}"]`).first();
    await block.locator('.opblock-summary').first().click();
    const response = page.waitForResponse(
      (r) => r.url().includes(urlPart) && r.request().method() === method,
    );
    await block.locator('button.execute').click();
    const res = await response;
    await block.locator('.live-responses-table tr.response .response-col_status').first().waitFor();
    expect(String(res.status())).toBe(
      (
        await block
          .locator('.live-responses-table tr.response .response-col_status')
          .first()
          .innerText()
      ).trim(),
    );
    return String(res.status());
  }

  it('logs in, authorizes, creates and lists templates from the UI, unedited', async () => {
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    const docs = await page.goto(`${base}/docs`);
    expect(docs?.status()).toBe(200);
    await page.locator('.information-container').waitFor();
    expect(await page.locator('.information-container').innerText()).toContain('Getting a token');

    const login = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/auth/login'));
    expect(await execute('login', '/api/v1/admin/auth/login', 'POST')).toBe('200');
    const { accessToken } = (await (await login).json()) as { accessToken: string };
    expect(accessToken).toEqual(expect.any(String));

    await page.locator('.auth-wrapper .authorize').click();
    await page.locator('.modal-ux input').fill(accessToken);
    await page.locator('.modal-ux .auth-btn-wrapper .authorize').click();
    await page.locator('.modal-ux .btn-done').click();

    expect(await execute('createCouponTemplate', '/api/v1/admin/coupon-templates', 'POST')).toBe(
      '201',
    );
    expect(await execute('listCouponTemplates', '/api/v1/admin/coupon-templates', 'GET')).toBe(
      '200',
    );
    const rows = await t.db.query<{ name: string }[]>('SELECT name FROM coupon_template');
    expect(rows.map((r) => r.name)).toContain('新客立减10元');

    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });

    // persistAuthorization: still authorized after a reload.
    await page.reload();
    await page.locator('.information-container').waitFor();
    await expect(page.locator('.auth-wrapper .authorize.locked').count()).resolves.toBe(1);
    expect(failed).toEqual([]);
  }, 90_000);
});
