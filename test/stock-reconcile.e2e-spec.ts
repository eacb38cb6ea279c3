import { BUSY_TEXT } from '@app/wechat';
import { ISSUANCE_SCRIPTS, type IssuanceScripts, StockReconciler, templateKeys } from '@app/coupon';
import { chinaDay } from '@app/core';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { WechatSimulator } from './support/wechat-simulator';
import { TEST_ENV } from './setup/test-env';
import { codeIn, wxClient } from './support/wx-client';

const sim = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });

/** A slot Redis handed out but whose row never reached MySQL comes back to the stock. */
describe('stock reconciliation (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      STOCK_RECONCILE_INTERVAL_SECONDS: '0', // passes driven by hand
      STOCK_RECONCILE_GRACE_SECONDS: '45',
    });
    await resetState(t);
  });
  afterAll(async () => {
    await t.close();
    delete process.env.STOCK_RECONCILE_INTERVAL_SECONDS;
    delete process.env.STOCK_RECONCILE_GRACE_SECONDS;
  });

  const claim = (openid: string, keyword = '对账') =>
    wxClient(t).send(sim, sim.text(openid, keyword));

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
    await wxClient(t).post(sim.text('o-ok', '对账2'));
    expect(await t.app.get(StockReconciler).reconcileAll(Date.now() + 10 * 60_000)).toBe(0);
    expect(await t.redis.scard(templateKeys(tpl.id).free)).toBe(0);
  });

  it('takes its grace period from STOCK_RECONCILE_GRACE_SECONDS', () => {
    expect(t.app.get(StockReconciler).graceMs).toBe(45_000);
  });

  /** What an instance that died between the gate and its INSERT leaves behind (issue #10 item 15):
   * the real claim script ran (slot and the follower's count taken), no row was ever written. */
  async function dieAfterGate(templateId: number, openid: string): Promise<[number, number]> {
    const keys = templateKeys(templateId);
    const scripts = t.app.get<IssuanceScripts>(ISSUANCE_SCRIPTS);
    const reply = await scripts.claim(
      [
        keys.meta,
        keys.issued,
        keys.users,
        keys.free,
        keys.request(`dead-${openid}-${Date.now()}`),
        keys.daily(chinaDay(new Date())),
        keys.rate(openid),
        keys.audience,
      ],
      { openid, code: 'DEADINSTANCE0000', ttlSeconds: 600, rateLimit: 0, rateWindowMs: 60_000 },
    );
    expect(reply[0]).toBe('GRANTED');
    return [Number(reply[1]), Number(reply[2])];
  }

  const rowsOf = async (templateId: number, openid?: string): Promise<number> => {
    const [{ n }] = await t.db.query<{ n: string }[]>(
      `SELECT COUNT(*) AS n FROM coupon WHERE template_id = ?${openid ? ' AND openid = ?' : ''}`,
      openid ? [templateId, openid] : [templateId],
    );
    return Number(n);
  };

  it('crash between gate and INSERT: the follower gets their count back and can claim', async () => {
    const tpl = await activeTemplate(t.app, { keyword: '崩溃', totalQuantity: 2, perUserLimit: 1 });
    await expectGateLoaded(tpl.id);
    const keys = templateKeys(tpl.id);
    expect(await dieAfterGate(tpl.id, 'o-crash')).toEqual([1, 1]);
    // Another follower's claim goes through meanwhile; theirs is consistent and left alone.
    expect(codeIn(await claim('o-alive', '崩溃'))).toBeDefined();

    const reconciler = t.app.get(StockReconciler);
    const now = Date.now();
    await reconciler.reconcile(tpl.id, now);
    await reconciler.reconcile(tpl.id, now + reconciler.graceMs - 1); // still maybe in flight
    expect(await t.redis.hget(keys.users, 'o-crash')).toBe('1');
    expect(await reconciler.reconcile(tpl.id, now + reconciler.graceMs)).toBe(1);
    expect(await t.redis.hget(keys.users, 'o-crash')).toBeNull();
    expect(await t.redis.hget(keys.users, 'o-alive')).toBe('1');

    // The follower's next message gets a real coupon (the slot that died), never "already claimed".
    const text = await claim('o-crash', '崩溃');
    const code = codeIn(text);
    expect(code).toBeDefined();
    const [row] = await t.db.query<{ openid: string; user_seq: number }[]>(
      'SELECT openid, user_seq FROM coupon WHERE code = ?',
      [code],
    );
    expect(row).toEqual({ openid: 'o-crash', user_seq: 1 });
    // ...and only one: the limit still holds, and so does the stock.
    expect(await claim('o-crash', '崩溃')).toContain('您已经领取过');
    expect(await claim('o-late', '崩溃')).toContain('领完');
    expect(await rowsOf(tpl.id)).toBe(2);
    expect(await rowsOf(tpl.id, 'o-crash')).toBe(1);
  });

  it('gives back only the seqs MySQL lacks: a lower lost seq under a held one (limit 2)', async () => {
    const tpl = await activeTemplate(t.app, {
      keyword: '崩溃2',
      totalQuantity: 10,
      perUserLimit: 2,
    });
    await expectGateLoaded(tpl.id);
    expect(await dieAfterGate(tpl.id, 'o-gap')).toEqual([1, 1]); // user seq 1 lost
    expect(codeIn(await claim('o-gap', '崩溃2'))).toBeDefined(); // user seq 2 held
    // 1 coupon, limit 2: never "already claimed" while MySQL holds fewer than the limit.
    const meanwhile = await claim('o-gap', '崩溃2');
    expect(meanwhile).not.toContain('您已经领取过');
    expect(meanwhile).toBe(BUSY_TEXT);

    const reconciler = t.app.get(StockReconciler);
    const now = Date.now();
    await reconciler.reconcile(tpl.id, now);
    await reconciler.reconcile(tpl.id, now + reconciler.graceMs);
    expect(codeIn(await claim('o-gap', '崩溃2'))).toBeDefined(); // takes user seq 1
    expect(await claim('o-gap', '崩溃2')).toContain('您已经领取过');
    const seqs = await t.db.query<{ user_seq: number }[]>(
      'SELECT user_seq FROM coupon WHERE template_id = ? AND openid = ? ORDER BY user_seq',
      [tpl.id, 'o-gap'],
    );
    expect(seqs.map((r) => r.user_seq)).toEqual([1, 2]);
  });

  it('never lowers a count that moved during the grace period, nor one whose row landed late', async () => {
    const tpl = await activeTemplate(t.app, {
      keyword: '崩溃3',
      totalQuantity: 10,
      perUserLimit: 3,
    });
    await expectGateLoaded(tpl.id);
    const keys = templateKeys(tpl.id);
    await dieAfterGate(tpl.id, 'o-moving'); // count 1, no row
    await dieAfterGate(tpl.id, 'o-landed'); // count 1, its row will land late
    const reconciler = t.app.get(StockReconciler);
    const now = Date.now();
    await reconciler.reconcile(tpl.id, now);
    // o-moving claims again meanwhile (count 2, a row with user seq 2); o-landed's row arrives.
    expect(codeIn(await claim('o-moving', '崩溃3'))).toBeDefined();
    await t.db.query(
      `INSERT INTO coupon (code, template_id, openid, stock_seq, user_seq, request_key, channel,
         status, valid_from, valid_to, claimed_at)
       VALUES ('LATEROW000000000', ?, 'o-landed', 2, 1, 'late-1', 'KEYWORD', 'AVAILABLE',
         NOW(), NOW() + INTERVAL 1 DAY, NOW())`,
      [tpl.id],
    );
    await reconciler.reconcile(tpl.id, now + reconciler.graceMs);
    expect(await t.redis.hget(keys.users, 'o-moving')).toBe('2'); // seen 1, now 2: wait again
    expect(await t.redis.hget(keys.users, 'o-landed')).toBe('1');
    // A full grace period later with the count unchanged, o-moving's lost seq 1 is given back.
    await reconciler.reconcile(tpl.id, now + 2 * reconciler.graceMs);
    expect(await t.redis.hget(keys.users, 'o-moving')).toBeNull();
    expect(await t.redis.hget(keys.users, 'o-landed')).toBe('1');
    expect(codeIn(await claim('o-moving', '崩溃3'))).toBeDefined(); // user seq 1
    const seqs = await t.db.query<{ user_seq: number }[]>(
      'SELECT user_seq FROM coupon WHERE template_id = ? AND openid = ? ORDER BY user_seq',
      [tpl.id, 'o-moving'],
    );
    expect(seqs.map((r) => r.user_seq)).toEqual([1, 2]);
  });

  async function expectGateLoaded(templateId: number): Promise<void> {
    // activeTemplate publishes the state: the script below must find it, as a live instance would.
    expect(await t.redis.hget(templateKeys(templateId).meta, 'status')).toBe('ACTIVE');
  }
});
