import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
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

/** What one pass reports, logs and costs (issue #16: each of these was a surviving mutant). */
describe('stock reconciliation: what a pass reports and costs (e2e)', () => {
  let t: TestApp;
  let reconciler: StockReconciler;
  beforeAll(async () => {
    t = await createTestApp({
      STOCK_RECONCILE_INTERVAL_SECONDS: '0',
      STOCK_RECONCILE_GRACE_SECONDS: '45',
    });
    await resetState(t);
    reconciler = t.app.get(StockReconciler);
  });
  afterAll(async () => {
    await t.close();
    delete process.env.STOCK_RECONCILE_INTERVAL_SECONDS;
    delete process.env.STOCK_RECONCILE_GRACE_SECONDS;
  });
  afterEach(() => jest.restoreAllMocks());

  /** A template whose first claim landed and whose second died after the gate (seq 2 lost). */
  let owners = 0;
  async function withLostSlot(keyword: string) {
    const tpl = await activeTemplate(t.app, { keyword, totalQuantity: 10 });
    const owner = `o-owner-${++owners}`;
    expect(codeIn(await wxClient(t).send(sim, sim.text(owner, keyword)))).toBeDefined();
    await t.redis.incr(templateKeys(tpl.id).issued);
    return tpl;
  }
  const warnings = () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    return () => warn.mock.calls.map((c) => String(c[0]));
  };
  const followerLookups = (query: jest.SpyInstance) =>
    query.mock.calls.filter((c) => String(c[0]).includes('openid IN')).length;

  it('reconcileAll adds up what every template gave back, and warns once per template', async () => {
    const a = await withLostSlot('合计甲');
    const b = await withLostSlot('合计乙');
    const logged = warnings();
    const now = Date.now();
    expect(await reconciler.reconcileAll(now)).toBe(0);
    expect(logged()).toEqual([]);
    expect(await reconciler.reconcileAll(now + reconciler.graceMs)).toBe(2);
    expect(logged()).toEqual([
      `template ${a.id}: gave back 1 lost stock slot(s)`,
      `template ${b.id}: gave back 1 lost stock slot(s)`,
    ]);
  });

  it('a healthy template costs one COUNT and no follower scan, a free slot included', async () => {
    const tpl = await activeTemplate(t.app, { keyword: '健康', totalQuantity: 10 });
    const keys = templateKeys(tpl.id);
    expect(codeIn(await wxClient(t).send(sim, sim.text('o-h1', '健康')))).toBeDefined();
    expect(codeIn(await wxClient(t).send(sim, sim.text('o-h2', '健康')))).toBeDefined();
    // Seq 3 was handed out and given back (a refused attempt): rows 1, 2 + free 3 = issued 3.
    await t.redis.incr(keys.issued);
    await t.redis.sadd(keys.free, 3);
    const query = jest.spyOn(t.db, 'query');
    const hscan = jest.spyOn(t.redis, 'hscan');
    expect(await reconciler.reconcile(tpl.id, Date.now())).toBe(0);
    expect(await reconciler.reconcile(tpl.id, Date.now() + 10 * reconciler.graceMs)).toBe(0);
    // One COUNT per pass (other work of the app may query meanwhile: only this template's count).
    const mine = query.mock.calls.filter((c) => (c[1] as unknown[] | undefined)?.[0] === tpl.id);
    expect(mine.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/^SELECT COUNT\(\*\)/),
      expect.stringMatching(/^SELECT COUNT\(\*\)/),
    ]);
    expect(hscan).not.toHaveBeenCalled();
  });

  it('a seq seen missing, then free, then taken again waits a whole grace period afresh', async () => {
    const tpl = await withLostSlot('再次丢失');
    const keys = templateKeys(tpl.id);
    const now = Date.now();
    expect(await reconciler.reconcile(tpl.id, now)).toBe(0); // seq 2 first seen missing
    await t.redis.sadd(keys.free, 2); // its claim gave it back after all: healthy again
    expect(await reconciler.reconcile(tpl.id, now + 1000)).toBe(0);
    await t.redis.srem(keys.free, 2); // a new claim took it and is still writing its row
    expect(await reconciler.reconcile(tpl.id, now + reconciler.graceMs)).toBe(0);
    expect(await reconciler.reconcile(tpl.id, now + 2 * reconciler.graceMs)).toBe(1);
  });

  it('a free seq beyond the stock (a lying gate) does not hide a lost one', async () => {
    const tpl = await withLostSlot('越界空位');
    const keys = templateKeys(tpl.id);
    await t.redis.sadd(keys.free, 99);
    const now = Date.now();
    expect(await reconciler.reconcile(tpl.id, now)).toBe(0);
    expect(await reconciler.reconcile(tpl.id, now + reconciler.graceMs)).toBe(1);
    expect((await t.redis.smembers(keys.free)).sort()).toEqual(['2', '99']);
  });

  it('a gap whose followers hold no count in Redis: the slot comes back, no follower lookup', async () => {
    const tpl = await withLostSlot('无计数');
    const keys = templateKeys(tpl.id);
    // The follower hash was lost, and one lying field says 0.
    await t.redis.del(keys.users);
    await t.redis.hset(keys.users, 'o-zero', 0);
    const query = jest.spyOn(t.db, 'query');
    const now = Date.now();
    expect(await reconciler.reconcile(tpl.id, now)).toBe(0);
    expect(await reconciler.reconcile(tpl.id, now + reconciler.graceMs)).toBe(1);
    expect(followerLookups(query)).toBe(0);
    expect(await t.redis.hget(keys.users, 'o-zero')).toBe('0');
  });

  it('compares every follower, past the first HSCAN page, and warns with the total', async () => {
    const tpl = await withLostSlot('千人');
    const keys = templateKeys(tpl.id);
    // 1,200 followers counted in Redis whose claims never reached MySQL (hash encoding: pages).
    const lost = Array.from({ length: 1200 }, (_, i) => `o-lost-${i}`);
    await t.redis.hset(keys.users, Object.fromEntries(lost.map((o) => [o, 1])));
    const query = jest.spyOn(t.db, 'query');
    const logged = warnings();
    const now = Date.now();
    expect(await reconciler.reconcileFollowers(tpl.id, now)).toBe(0);
    expect(logged()).toEqual([]);
    expect(followerLookups(query)).toBeGreaterThan(1); // one lookup per page, several pages
    expect(await reconciler.reconcileFollowers(tpl.id, now + reconciler.graceMs)).toBe(1200);
    expect(logged()).toEqual([
      `template ${tpl.id}: gave back 1200 follower count(s) of lost claims`,
    ]);
    // The follower whose claim landed keeps their count.
    expect(await t.redis.hkeys(keys.users)).toEqual([`o-owner-${owners}`]);
  });
});

describe('stock reconciliation on its own schedule (e2e)', () => {
  it('runs every STOCK_RECONCILE_INTERVAL_SECONDS, in turn across instances, and gives a lost slot back after the grace', async () => {
    const t = await createTestApp({
      STOCK_RECONCILE_INTERVAL_SECONDS: '1',
      STOCK_RECONCILE_GRACE_SECONDS: '5',
    });
    try {
      await resetState(t);
      const tpl = await activeTemplate(t.app, { keyword: '定时', totalQuantity: 5 });
      const keys = templateKeys(tpl.id);
      expect(codeIn(await wxClient(t).send(sim, sim.text('o-timer', '定时')))).toBeDefined();
      // Another instance holds this job's turn: this one skips its passes meanwhile.
      await t.redis.set('wxc:job:stock-reconcile', 'another-instance', 'PX', 60_000);
      await t.redis.incr(keys.issued);
      await sleep(6_500);
      expect(await t.redis.scard(keys.free)).toBe(0);

      await t.redis.del('wxc:job:stock-reconcile');
      const turnAt = Date.now();
      while ((await t.redis.scard(keys.free)) === 0 && Date.now() - turnAt < 15_000) {
        await sleep(200);
      }
      expect(await t.redis.smembers(keys.free)).toEqual(['2']);
      // First seen missing by this instance's first pass, given back a grace period later.
      expect(Date.now() - turnAt).toBeGreaterThanOrEqual(5_000);
    } finally {
      await t.close();
      delete process.env.STOCK_RECONCILE_INTERVAL_SECONDS;
      delete process.env.STOCK_RECONCILE_GRACE_SECONDS;
    }
  }, 40_000);
});
