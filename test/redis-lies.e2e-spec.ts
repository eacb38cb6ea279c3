import { type CouponTemplate, templateKeys } from '@app/coupon';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { type SimulatedRequest, WechatSimulator } from './support/wechat-simulator';
import { codeIn, wxClient } from './support/wx-client';
import { TEST_ENV } from './setup/test-env';

const sim = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });
const SOLD_OUT = '已经被领完';
const LIMIT = '您已经领取过';
const PAUSED = '暂停中';

/**
 * "Redis admits; MySQL proves" (issue #16 item 1). Each test corrupts the Redis gate on purpose
 * and proves that the guarded INSERT and the unique keys refuse what Redis wrongly admits:
 * no row beyond stock or the per-user limit, never "granted" without a row, the gate heals
 * itself from MySQL, and the next honest claim is answered correctly.
 */
describe('Redis lies, MySQL holds (e2e)', () => {
  let t: TestApp;
  /** Every reply the suite received, to prove no code was ever shown without its row. */
  const granted: { openid: string; code: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ STOCK_RECONCILE_INTERVAL_SECONDS: '0' });
    await resetState(t);
  });
  afterAll(async () => {
    await t.close();
    delete process.env.STOCK_RECONCILE_INTERVAL_SECONDS;
  });
  afterEach(async () => {
    // Never told "granted" without a row: every code shown is a row of that follower.
    for (const g of granted.splice(0)) {
      const rows = await t.db.query<{ openid: string }[]>(
        'SELECT openid FROM coupon WHERE code = ?',
        [g.code],
      );
      expect(rows).toEqual([{ openid: g.openid }]);
    }
  });

  async function send(openid: string, req: SimulatedRequest): Promise<string> {
    const text = await wxClient(t).send(sim, req);
    const code = codeIn(text);
    if (code) granted.push({ openid, code });
    return text;
  }
  const claim = (tpl: CouponTemplate, openid: string) =>
    send(openid, sim.text(openid, tpl.keyword as string));

  /** MySQL's limits hold: rows <= total, per follower <= limit, every seq within range. */
  async function expectWithinLimits(tpl: CouponTemplate): Promise<void> {
    const [{ n, maxStock, maxUser }] = await t.db.query<
      { n: string; maxStock: number | null; maxUser: number | null }[]
    >(
      'SELECT COUNT(*) AS n, MAX(stock_seq) AS maxStock, MAX(user_seq) AS maxUser FROM coupon WHERE template_id = ?',
      [tpl.id],
    );
    expect(Number(n)).toBeLessThanOrEqual(tpl.totalQuantity);
    expect(maxStock ?? 0).toBeLessThanOrEqual(tpl.totalQuantity);
    expect(maxUser ?? 0).toBeLessThanOrEqual(tpl.perUserLimit);
    const perUser = await t.db.query<{ n: string }[]>(
      'SELECT COUNT(*) AS n FROM coupon WHERE template_id = ? GROUP BY openid',
      [tpl.id],
    );
    for (const row of perUser) expect(Number(row.n)).toBeLessThanOrEqual(tpl.perUserLimit);
  }

  /** The gate healed: meta is MySQL's again, counters are at least what MySQL holds. */
  async function expectGateHealed(tpl: CouponTemplate, status = 'ACTIVE'): Promise<void> {
    const keys = templateKeys(tpl.id);
    const [fresh] = await t.db.query<{ total: number; lim: number; status: string }[]>(
      'SELECT total_quantity AS total, per_user_limit AS lim, status FROM coupon_template WHERE id = ?',
      [tpl.id],
    );
    expect(fresh.status).toBe(status);
    expect(await t.redis.hmget(keys.meta, 'status', 'total', 'limit')).toEqual([
      fresh.status,
      String(fresh.total),
      String(fresh.lim),
    ]);
    const [{ maxStock }] = await t.db.query<{ maxStock: number | null }[]>(
      'SELECT MAX(stock_seq) AS maxStock FROM coupon WHERE template_id = ?',
      [tpl.id],
    );
    expect(Number((await t.redis.get(keys.issued)) ?? 0)).toBeGreaterThanOrEqual(maxStock ?? 0);
    const perUser = await t.db.query<{ openid: string; maxUser: number }[]>(
      'SELECT openid, MAX(user_seq) AS maxUser FROM coupon WHERE template_id = ? GROUP BY openid',
      [tpl.id],
    );
    for (const u of perUser) {
      expect(Number((await t.redis.hget(keys.users, u.openid)) ?? 0)).toBeGreaterThanOrEqual(
        u.maxUser,
      );
    }
  }

  const rowsOf = async (tpl: CouponTemplate, openid?: string): Promise<number> => {
    const [{ n }] = await t.db.query<{ n: string }[]>(
      `SELECT COUNT(*) AS n FROM coupon WHERE template_id = ?${openid ? ' AND openid = ?' : ''}`,
      openid ? [tpl.id, openid] : [tpl.id],
    );
    return Number(n);
  };

  it('meta total raised above MySQL: no claim past the real stock', async () => {
    const tpl = await activeTemplate(t.app, { keyword: '谎总量', totalQuantity: 2 });
    expect(codeIn(await claim(tpl, 'o-t1'))).toBeDefined();
    expect(codeIn(await claim(tpl, 'o-t2'))).toBeDefined();
    await t.redis.hset(templateKeys(tpl.id).meta, 'total', 1000);

    expect(await claim(tpl, 'o-t3')).toContain(SOLD_OUT);
    expect(await rowsOf(tpl)).toBe(2);
    await expectWithinLimits(tpl);
    await expectGateHealed(tpl);
    expect(await t.redis.get(templateKeys(tpl.id).issued)).toBe('2'); // the refused slot given back
    expect(await claim(tpl, 'o-t4')).toContain(SOLD_OUT);
    expect(await rowsOf(tpl)).toBe(2);
  });

  it('meta limit raised above MySQL: no follower past the real per-user limit', async () => {
    const tpl = await activeTemplate(t.app, { keyword: '谎限领', totalQuantity: 10 });
    expect(codeIn(await claim(tpl, 'o-l1'))).toBeDefined();
    await t.redis.hset(templateKeys(tpl.id).meta, 'limit', 50);

    expect(await claim(tpl, 'o-l1')).toContain(LIMIT);
    expect(await rowsOf(tpl, 'o-l1')).toBe(1);
    await expectWithinLimits(tpl);
    await expectGateHealed(tpl);
    expect(codeIn(await claim(tpl, 'o-l2'))).toBeDefined(); // stock was not lost on the way
    const [{ maxStock }] = await t.db.query<{ maxStock: number }[]>(
      'SELECT MAX(stock_seq) AS maxStock FROM coupon WHERE template_id = ?',
      [tpl.id],
    );
    expect(maxStock).toBe(2);
  });

  it("a follower's count zeroed in Redis: no claim past the per-user limit, no stock lost", async () => {
    const tpl = await activeTemplate(t.app, {
      keyword: '谎计数',
      totalQuantity: 3,
      perUserLimit: 2,
    });
    expect(codeIn(await claim(tpl, 'o-z1'))).toBeDefined();
    expect(codeIn(await claim(tpl, 'o-z1'))).toBeDefined();
    await t.redis.hset(templateKeys(tpl.id).users, 'o-z1', 0);

    expect(await claim(tpl, 'o-z1')).toContain(LIMIT);
    expect(await rowsOf(tpl, 'o-z1')).toBe(2);
    await t.redis.hdel(templateKeys(tpl.id).users, 'o-z1'); // lost altogether this time
    expect(await claim(tpl, 'o-z1')).toContain(LIMIT);
    expect(await rowsOf(tpl, 'o-z1')).toBe(2);
    await expectWithinLimits(tpl);
    await expectGateHealed(tpl);
    // The slots the refused attempts took were given back: the third coupon is still there.
    expect(codeIn(await claim(tpl, 'o-z2'))).toBeDefined();
    expect(await claim(tpl, 'o-z3')).toContain(SOLD_OUT);
    expect(await rowsOf(tpl)).toBe(3);
  });

  it('issued counter lowered: no second coupon on a taken slot, and no "already claimed" lie', async () => {
    const tpl = await activeTemplate(t.app, { keyword: '谎发放', totalQuantity: 3 });
    expect(codeIn(await claim(tpl, 'o-i1'))).toBeDefined();
    expect(codeIn(await claim(tpl, 'o-i2'))).toBeDefined();
    await t.redis.set(templateKeys(tpl.id).issued, 0);

    // Stock seq 1 is taken in MySQL: the follower still gets the real third coupon.
    expect(codeIn(await claim(tpl, 'o-i3'))).toBeDefined();
    expect(await rowsOf(tpl, 'o-i3')).toBe(1);
    await expectWithinLimits(tpl);
    await expectGateHealed(tpl);
    expect(await t.redis.get(templateKeys(tpl.id).issued)).toBe('3');
    expect(await claim(tpl, 'o-i4')).toContain(SOLD_OUT);
    expect(await rowsOf(tpl)).toBe(3);
  });

  it('request-result keys dropped between a grant and its retry: the retry gets the same coupon', async () => {
    const tpl = await activeTemplate(t.app, {
      keyword: '谎重试',
      totalQuantity: 5,
      perUserLimit: 2,
    });
    const first = sim.text('o-r1', tpl.keyword as string);
    const code = codeIn(await send('o-r1', first));
    expect(code).toBeDefined();
    const keys = templateKeys(tpl.id);
    await t.redis.del(...(await t.redis.keys(keys.request('*'))));

    // WeChat retries the very same message (same MsgId): one coupon, the same code.
    const retry = await send('o-r1', first);
    expect(codeIn(retry)).toBe(code);
    expect(await rowsOf(tpl, 'o-r1')).toBe(1);
    await expectWithinLimits(tpl);
    await expectGateHealed(tpl);
    // The attempt's slot and count were given back: stock and the follower's second coupon.
    expect(await t.redis.get(keys.issued)).toBe('1');
    expect(await t.redis.hget(keys.users, 'o-r1')).toBe('1');
    expect(codeIn(await claim(tpl, 'o-r1'))).toBeDefined();
    expect(await claim(tpl, 'o-r1')).toContain(LIMIT);
    expect(await rowsOf(tpl)).toBe(2);
  });

  it('request-result keys dropped at perUserLimit 1: the retry is refused, and MySQL holds the coupon', async () => {
    const tpl = await activeTemplate(t.app, { keyword: '谎重试1', totalQuantity: 5 });
    const first = sim.text('o-r2', tpl.keyword as string);
    const code = codeIn(await send('o-r2', first));
    expect(code).toBeDefined();
    await t.redis.del(...(await t.redis.keys(templateKeys(tpl.id).request('*'))));

    const retry = await send('o-r2', first);
    // Either the same coupon again or "already claimed" — never a second coupon, never a
    // refusal without a coupon in MySQL.
    expect(codeIn(retry) === code || retry.includes(LIMIT)).toBe(true);
    expect(await rowsOf(tpl, 'o-r2')).toBe(1);
    await expectGateHealed(tpl);
    expect(codeIn(await claim(tpl, 'o-r3'))).toBeDefined();
  });

  it('paused in MySQL while Redis still says ACTIVE: nothing issued, the pause is learned', async () => {
    const tpl = await activeTemplate(t.app, { keyword: '谎暂停', totalQuantity: 5 });
    expect(codeIn(await claim(tpl, 'o-p1'))).toBeDefined();
    // Paused by hand in the database: no edit ever reached Redis.
    await t.db.query("UPDATE coupon_template SET status = 'PAUSED' WHERE id = ?", [tpl.id]);
    expect(await t.redis.hget(templateKeys(tpl.id).meta, 'status')).toBe('ACTIVE');

    expect(await claim(tpl, 'o-p2')).toContain(PAUSED);
    expect(await rowsOf(tpl)).toBe(1);
    await expectGateHealed(tpl, 'PAUSED');
    expect(await t.redis.get(templateKeys(tpl.id).issued)).toBe('1');
    expect(await claim(tpl, 'o-p3')).toContain(PAUSED); // answered from the healed gate
    expect(await rowsOf(tpl)).toBe(1);
  });

  it('a free-set seq beyond the stock: refused, dropped from the gate, the claim still served', async () => {
    const tpl = await activeTemplate(t.app, { keyword: '谎空位', totalQuantity: 2 });
    expect(codeIn(await claim(tpl, 'o-f1'))).toBeDefined();
    await t.redis.sadd(templateKeys(tpl.id).free, 99);

    expect(codeIn(await claim(tpl, 'o-f2'))).toBeDefined();
    expect(await claim(tpl, 'o-f3')).toContain(SOLD_OUT);
    expect(await rowsOf(tpl)).toBe(2);
    await expectWithinLimits(tpl);
    await expectGateHealed(tpl);
    expect(await t.redis.sismember(templateKeys(tpl.id).free, 99)).toBe(0);
  });
});
