import { StockReconciler, templateKeys } from '@app/coupon';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { WechatSimulator } from './support/wechat-simulator';
import { TEST_ENV } from './setup/test-env';
import { codeIn } from './support/replies';

const sim = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });

/** A slot Redis handed out but whose row never reached MySQL comes back to the stock. */
describe('stock reconciliation (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ STOCK_RECONCILE_INTERVAL_SECONDS: '0' }); // passes driven by hand
    await resetState(t);
  });
  afterAll(async () => {
    await t.close();
    delete process.env.STOCK_RECONCILE_INTERVAL_SECONDS;
  });

  const claim = async (openid: string) => {
    const req = sim.text(openid, '对账');
    const res = await t.app.inject({
      method: 'POST',
      url: req.url,
      payload: req.body,
      headers: { 'content-type': 'text/xml' },
    });
    return (await sim.readReply(res.body)).Content;
  };

  it('gives a lost slot back only after it stayed missing for the grace period', async () => {
    const tpl = await activeTemplate(t.app, { keyword: '对账', totalQuantity: 3 });
    const keys = templateKeys(tpl.id);
    expect(codeIn(await claim('o-rec-1'))).toBeDefined();
    // What a claim that died between its Lua script and its INSERT leaves behind.
    await t.redis.incr(keys.issued);

    const reconciler = t.app.get(StockReconciler);
    const now = Date.now();
    expect(await reconciler.reconcile(tpl.id, now)).toBe(0); // first sighting: maybe in flight
    expect(await reconciler.reconcile(tpl.id, now + 1000)).toBe(0); // still inside the grace
    expect(await reconciler.reconcile(tpl.id, now + reconciler.graceMs)).toBe(1);
    expect(await t.redis.smembers(keys.free)).toEqual(['2']);
    expect(await reconciler.reconcile(tpl.id, now + 2 * reconciler.graceMs)).toBe(0); // idempotent

    // The whole stock can be issued: 1 before + 2 now, then sold out. No oversell either.
    expect(codeIn(await claim('o-rec-2'))).toBeDefined();
    expect(codeIn(await claim('o-rec-3'))).toBeDefined();
    expect(await claim('o-rec-4')).toContain('领完');
    const [{ n, maxSeq }] = await t.db.query<{ n: string; maxSeq: number }[]>(
      'SELECT COUNT(*) AS n, MAX(stock_seq) AS maxSeq FROM coupon WHERE template_id = ?',
      [tpl.id],
    );
    expect(Number(n)).toBe(3);
    expect(maxSeq).toBe(3);
  });

  it('leaves a healthy template alone (fast path: rows + free = issued)', async () => {
    const tpl = await activeTemplate(t.app, { keyword: '对账2', totalQuantity: 5 });
    const req = sim.text('o-ok', '对账2');
    await t.app.inject({
      method: 'POST',
      url: req.url,
      payload: req.body,
      headers: { 'content-type': 'text/xml' },
    });
    expect(await t.app.get(StockReconciler).reconcileAll(Date.now() + 10 * 60_000)).toBe(0);
    expect(await t.redis.scard(templateKeys(tpl.id).free)).toBe(0);
  });
});
