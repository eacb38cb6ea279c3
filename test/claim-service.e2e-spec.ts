import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { QueryRunner } from 'typeorm';
import { AuditRecorder, chinaDay, MetricsService } from '@app/core';
import {
  ClaimChannel,
  ClaimOutcome,
  ClaimService,
  CouponTemplate,
  generateCouponCode,
  ISSUANCE_SCRIPTS,
  type IssuanceScripts,
  templateKeys,
} from '@app/coupon';

// The real generator, wrapped so one test can hand out a code that is already taken (a clash
// that 80 random bits otherwise never produce). @app/coupon re-exports the wrapped one.
jest.mock('../libs/coupon/src/issuance/coupon-code', () => {
  const real = jest.requireActual<{ generateCouponCode: () => string }>(
    '../libs/coupon/src/issuance/coupon-code',
  );
  return { ...real, generateCouponCode: jest.fn(real.generateCouponCode) };
});
/** The routes hash every instance resolves keywords from (template-keys.ts, not exported). */
const ROUTES_KEY = 'cp:routes';
import { AdminRole } from '@app/admin';
import { adminToken } from './support/admin-client';
import { activeTemplate } from './support/templates';
import { createTestApp, resetState, type TestApp } from './support/test-app';

/**
 * ClaimService's own decisions, driven directly against real MariaDB and Redis (issue #16: each
 * test here was written for mutants the /wx specs let survive): what a claim reports, audits and
 * measures; replays of every kind; retries when Redis is behind MySQL; the template cache; and
 * claims that fail half-way.
 */
describe('ClaimService: the claim path, directly (e2e)', () => {
  let t: TestApp;
  let claims: ClaimService;
  let metrics: MetricsService;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp({ STOCK_RECONCILE_INTERVAL_SECONDS: '0', WX_CLAIM_RATE_LIMIT: '2' });
    await resetState(t);
    claims = t.app.get(ClaimService);
    metrics = t.app.get(MetricsService);
  });
  afterAll(async () => {
    await t.close();
    delete process.env.STOCK_RECONCILE_INTERVAL_SECONDS;
    delete process.env.WX_CLAIM_RATE_LIMIT;
  });
  afterEach(() => jest.restoreAllMocks());

  const req = (templateId: number, openid = `o-cs-${++n}`, requestKey = `cs-${++n}`) => ({
    templateId,
    openid,
    requestKey,
    channel: ClaimChannel.KEYWORD,
  });
  const byKeyword = (keyword: string, openid = `o-cs-${++n}`) => ({
    openid,
    requestKey: `cs-${++n}`,
    channel: ClaimChannel.KEYWORD,
    route: { kind: 'kw' as const, value: keyword },
  });
  const audited = () => jest.spyOn(t.app.get(AuditRecorder), 'record');
  const logged = (level: 'log' | 'warn' | 'error') => {
    const spy = jest.spyOn(Logger.prototype, level);
    return () => spy.mock.calls.map((c) => String(c[0]));
  };
  const counter = async (
    metric: 'claims' | 'rejected',
    labels: Record<string, string>,
  ): Promise<number> => {
    const { values } = await metrics[metric].get();
    const hit = values.find((v) =>
      Object.entries(labels).every(
        ([k, val]) => String((v.labels as Record<string, unknown>)[k]) === val,
      ),
    );
    return hit?.value ?? 0;
  };
  const luaTimings = async (): Promise<{ count: number; sum: number }> => {
    const { values } = await metrics.luaDuration.get();
    const of = (name: string) =>
      values.find((v) => v.metricName === name && v.labels.script === 'claim')?.value ?? 0;
    return {
      count: of('wxcoupon_redis_lua_duration_seconds_count'),
      sum: of('wxcoupon_redis_lua_duration_seconds_sum'),
    };
  };
  const rows = async (templateId: number, openid?: string) =>
    t.db.query<{ code: string; stock_seq: number; user_seq: number; request_key: string }[]>(
      `SELECT code, stock_seq, user_seq, request_key FROM coupon WHERE template_id = ?${
        openid ? ' AND openid = ?' : ''
      } ORDER BY id`,
      openid ? [templateId, openid] : [templateId],
    );
  /** What a claim that died between its gate script and its INSERT leaves: a stored grant. */
  const grantWithoutRow = async (templateId: number, openid: string, requestKey: string) => {
    const keys = templateKeys(templateId);
    const reply = await t.app
      .get<IssuanceScripts>(ISSUANCE_SCRIPTS)
      .claim(
        [
          keys.meta,
          keys.issued,
          keys.users,
          keys.free,
          keys.request(requestKey),
          keys.daily(chinaDay(new Date())),
          keys.rate(openid),
          keys.audience,
        ],
        {
          openid,
          code: generateCouponCode(),
          ttlSeconds: 600,
          rateLimit: 0,
          rateWindowMs: 1,
        },
      );
    expect(reply[0]).toBe('GRANTED');
    return String(reply[3]);
  };

  describe('what a claim reports, audits and measures', () => {
    it('a grant: one audit event with its code, counted by outcome, the script timed in seconds', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 5 });
      const record = audited();
      const granted = await counter('claims', { template_id: String(tpl.id), outcome: 'GRANTED' });
      const rateLimited = await counter('rejected', { reason: 'follower_rate_limited' });
      const lua = await luaTimings();
      const r = { ...req(tpl.id), auditDetail: { invitedBy: 'o-friend' } };

      const result = await claims.claim(r);
      expect(result).toEqual({
        outcome: ClaimOutcome.GRANTED,
        templateId: tpl.id,
        templateName: tpl.name,
        replayed: false,
        coupon: {
          code: expect.any(String),
          validFrom: expect.any(Date),
          validTo: expect.any(Date),
        },
      });
      expect(record).toHaveBeenCalledTimes(1);
      const event = record.mock.calls[0][0];
      expect(event).toEqual({
        kind: 'CLAIM',
        outcome: 'GRANTED',
        templateId: tpl.id,
        openid: r.openid,
        requestKey: r.requestKey,
        channel: 'KEYWORD',
        couponCode: result.coupon?.code,
        latencyMs: expect.any(Number),
        detail: { invitedBy: 'o-friend', replayed: false },
      });
      expect(event.latencyMs).toBeGreaterThanOrEqual(0);
      expect(event.latencyMs).toBeLessThan(10_000);
      expect(await counter('claims', { template_id: String(tpl.id), outcome: 'GRANTED' })).toBe(
        granted + 1,
      );
      expect(await counter('rejected', { reason: 'follower_rate_limited' })).toBe(rateLimited);
      const after = await luaTimings();
      expect(after.count).toBe(lua.count + 1);
      expect(after.sum - lua.sum).toBeGreaterThan(0);
      expect(after.sum - lua.sum).toBeLessThan(1); // seconds: one Lua round trip
    });

    it('a refusal is audited without a code', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 1 });
      await claims.claim(req(tpl.id));
      const record = audited();
      expect((await claims.claim(req(tpl.id))).outcome).toBe(ClaimOutcome.SOLD_OUT);
      expect(record.mock.calls[0][0]).toMatchObject({ outcome: 'SOLD_OUT', couponCode: null });
    });

    it('rate limited: counted once as a rejected request; its retry answers the same, uncounted', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 10, perUserLimit: 10 });
      const before = await counter('rejected', { reason: 'follower_rate_limited' });
      const openid = 'o-cs-rate';
      await claims.claim(req(tpl.id, openid));
      await claims.claim(req(tpl.id, openid));
      const third = req(tpl.id, openid);
      expect(await claims.claim(third)).toEqual({
        outcome: ClaimOutcome.RATE_LIMITED,
        templateId: tpl.id,
        templateName: tpl.name,
        replayed: false,
      });
      expect(await counter('rejected', { reason: 'follower_rate_limited' })).toBe(before + 1);
      expect(await claims.claim(third)).toMatchObject({
        outcome: ClaimOutcome.RATE_LIMITED,
        replayed: true,
      });
      expect(await counter('rejected', { reason: 'follower_rate_limited' })).toBe(before + 1);
    });
  });

  describe('claims that fail half-way', () => {
    it('MySQL fails the INSERT: the claim throws, is audited as ERROR, and its slot comes back', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 5 });
      const keys = templateKeys(tpl.id);
      await claims.claim(req(tpl.id));
      const errors = await counter('claims', { template_id: String(tpl.id), outcome: 'ERROR' });
      const record = audited();
      const r = req(tpl.id);
      await t.db.query('RENAME TABLE coupon TO coupon_away');
      try {
        await expect(claims.claim(r)).rejects.toThrow(/coupon/);
      } finally {
        await t.db.query('RENAME TABLE coupon_away TO coupon');
      }
      expect(record).toHaveBeenCalledTimes(1);
      const event = record.mock.calls[0][0];
      expect(event).toEqual({
        kind: 'CLAIM',
        outcome: 'ERROR',
        templateId: tpl.id,
        openid: r.openid,
        requestKey: r.requestKey,
        channel: 'KEYWORD',
        latencyMs: expect.any(Number),
        detail: { replayed: false, error: 'QueryFailedError' },
      });
      expect(event.latencyMs).toBeLessThan(10_000);
      expect(await counter('claims', { template_id: String(tpl.id), outcome: 'ERROR' })).toBe(
        errors + 1,
      );
      // Not granted, so nothing stays taken: the slot, the count and the stored answer are gone.
      expect(await t.redis.get(keys.issued)).toBe('1');
      expect(await t.redis.hget(keys.users, r.openid)).toBe('0');
      expect(await t.redis.exists(keys.request(r.requestKey))).toBe(0);
      expect((await claims.claim(req(tpl.id))).outcome).toBe(ClaimOutcome.GRANTED);
    });

    it('MySQL and Redis both fail: the release failure is logged, the caller sees the MySQL error', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 5 });
      const keys = templateKeys(tpl.id);
      const errors = logged('error');
      const r = req(tpl.id);
      // Hold the INSERT on a table lock, break the follower hash meanwhile, then kill the INSERT.
      const locker: QueryRunner = t.db.createQueryRunner();
      await locker.connect();
      await locker.query('LOCK TABLES coupon WRITE');
      const claim = claims.claim(r).then(
        () => null,
        (e: unknown) => e,
      );
      try {
        let id: number | undefined;
        for (let i = 0; i < 200 && id === undefined; i++) {
          const [blocked] = await t.db.query<{ id: number }[]>(
            "SELECT id FROM information_schema.processlist WHERE info LIKE 'INSERT INTO coupon %'",
          );
          id = blocked?.id;
          if (id === undefined) await sleep(25);
        }
        expect(id).toBeDefined();
        await t.redis.del(keys.users);
        await t.redis.set(keys.users, 'not a hash');
        await t.db.query(`KILL QUERY ${Number(id)}`);
        const err = await claim;
        expect(err).toBeInstanceOf(Error);
        expect((err as Error).name).toBe('QueryFailedError');
      } finally {
        await locker.query('UNLOCK TABLES');
        await locker.release();
        await t.redis.del(keys.users);
      }
      expect(errors().some((m) => /^release failed: .*WRONGTYPE/.test(m))).toBe(true);
    });
  });

  describe('routes', () => {
    it('a keyword moved to another template: one attempt audited, on its new owner', async () => {
      const a = await activeTemplate(t.app, { keyword: '搬家' });
      const b = await activeTemplate(t.app, { keyword: '搬家新' });
      // This instance remembers 搬家 -> a.
      expect((await claims.claimByRoute(byKeyword('搬家')))?.templateId).toBe(a.id);
      // Another instance ends a and hands 搬家 to b (MySQL, the gates and the routes hash).
      await t.db.query("UPDATE coupon_template SET status = 'ENDED' WHERE id = ?", [a.id]);
      await t.redis.hset(templateKeys(a.id).meta, 'status', 'ENDED');
      await t.db.query("UPDATE coupon_template SET keyword = '搬家' WHERE id = ?", [b.id]);
      await t.redis.hset(templateKeys(b.id).meta, 'kw', '搬家');
      await t.redis.hset(ROUTES_KEY, 'kw:搬家', b.id);
      const record = audited();
      const loads = logged('log');
      const result = await claims.claimByRoute(byKeyword('搬家'));
      expect(result).toMatchObject({ outcome: ClaimOutcome.GRANTED, templateId: b.id });
      // The stale attempt on a is not a claim: one event, b's; and a's gate is not reloaded.
      expect(record.mock.calls.map((c) => c[0].templateId)).toEqual([b.id]);
      expect(loads().filter((m) => m.includes('state loaded'))).toEqual([]);
    });

    it('meta from before routes were kept in it: reloaded once, then trusted', async () => {
      const tpl = await activeTemplate(t.app, { keyword: '旧状态', totalQuantity: 5 });
      expect((await claims.claimByRoute(byKeyword('旧状态')))?.outcome).toBe('GRANTED');
      await t.redis.hdel(templateKeys(tpl.id).meta, 'kw');
      expect((await claims.claimByRoute(byKeyword('旧状态')))?.outcome).toBe('GRANTED');
      expect(await t.redis.hget(templateKeys(tpl.id).meta, 'kw')).toBe('旧状态');
    });

    it('a routes hash older than the template: answered after one reload, never a loop', async () => {
      const tpl = await activeTemplate(t.app, { keyword: '旧路由', totalQuantity: 5 });
      expect((await claims.claimByRoute(byKeyword('旧路由')))?.outcome).toBe('GRANTED');
      // MySQL and the gate moved the template to another keyword; the routes hash did not.
      await t.db.query("UPDATE coupon_template SET keyword = '新路由' WHERE id = ?", [tpl.id]);
      await t.redis.hset(templateKeys(tpl.id).meta, 'kw', '新路由');
      // The routes hash is the cluster's word until rebuilt: the claim goes to what it names.
      const result = await claims.claimByRoute(byKeyword('旧路由'));
      expect(result).toMatchObject({ outcome: ClaimOutcome.GRANTED, templateId: tpl.id });
    });

    it('the welcome route, remembered, is confirmed by the script without a reload', async () => {
      const tpl = await activeTemplate(t.app, { welcome: true, keyword: undefined });
      const welcome = () => ({
        openid: `o-cs-${++n}`,
        requestKey: `cs-${++n}`,
        channel: ClaimChannel.SUBSCRIBE,
        route: { kind: 'welcome' as const, value: '*' },
      });
      expect((await claims.claimByRoute(welcome()))?.templateId).toBe(tpl.id);
      const loads = logged('log');
      expect(await claims.claimByRoute(welcome())).toMatchObject({
        outcome: ClaimOutcome.GRANTED,
        templateId: tpl.id,
      });
      expect(loads().filter((m) => m.includes('state loaded'))).toEqual([]);
      await t.db.query("UPDATE coupon_template SET status = 'ENDED' WHERE id = ?", [tpl.id]);
    });

    it('remembered routes: found ones kept, misses never, a stale one dropped, all forgotten on a rebuild', async () => {
      const kept = await activeTemplate(t.app, { keyword: '记住我', totalQuantity: 50 });
      const other = await activeTemplate(t.app, { keyword: '也记住', totalQuantity: 50 });
      const lookups = jest.spyOn(t.redis, 'hmget');
      const routeLookups = () => lookups.mock.calls.filter((c) => c[0] === ROUTES_KEY).length;
      const scriptRuns = async () => (await luaTimings()).count;

      // Found: looked up once, then served from memory (the claim script confirms it).
      await claims.claimByRoute(byKeyword('记住我'));
      await claims.claimByRoute(byKeyword('记住我'));
      await claims.claimByRoute(byKeyword('也记住'));
      expect(routeLookups()).toBe(2);

      // A miss is looked up every time: a follower's chatter never fills the memory.
      expect(await claims.claimByRoute(byKeyword('没有这个词'))).toBeNull();
      expect(await claims.claimByRoute(byKeyword('没有这个词'))).toBeNull();
      expect(routeLookups()).toBe(4);

      // The keyword leaves its template elsewhere: the script says stale, the fresh lookup finds
      // nothing, and the memory forgets it: the next message costs a lookup and no script run.
      await t.redis.hset(templateKeys(kept.id).meta, 'kw', '');
      await t.redis.hdel(ROUTES_KEY, 'kw:记住我');
      expect(await claims.claimByRoute(byKeyword('记住我'))).toBeNull();
      const runs = await scriptRuns();
      expect(await claims.claimByRoute(byKeyword('记住我'))).toBeNull();
      expect(await scriptRuns()).toBe(runs);
      expect(routeLookups()).toBe(6);

      // The routes hash rebuilt (here: lost, then looked up): what was remembered is looked up again.
      await t.redis.del(ROUTES_KEY);
      expect(await claims.claimByRoute(byKeyword('没有这个词'))).toBeNull();
      const before = routeLookups();
      expect((await claims.claimByRoute(byKeyword('也记住')))?.templateId).toBe(other.id);
      expect(routeLookups()).toBe(before + 1);
    });
  });

  describe('replays', () => {
    it('LIMIT_REACHED: fresh, then replayed; a replay whose coupon MySQL lost answers busy', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 5, perUserLimit: 1 });
      const openid = 'o-cs-limit';
      await claims.claim(req(tpl.id, openid));
      const again = req(tpl.id, openid);
      expect(await claims.claim(again)).toMatchObject({
        outcome: ClaimOutcome.LIMIT_REACHED,
        replayed: false,
      });
      expect(await claims.claim(again)).toMatchObject({
        outcome: ClaimOutcome.LIMIT_REACHED,
        replayed: true,
      });
      // The row is gone (MySQL is the proof): never "already claimed" without it.
      const [row] = await rows(tpl.id, openid);
      await t.db.query('DELETE FROM coupon WHERE code = ?', [row.code]);
      const warnings = logged('warn');
      expect(await claims.claim(again)).toMatchObject({
        outcome: ClaimOutcome.ERROR,
        replayed: true,
      });
      expect(warnings()).toContain(
        `template ${tpl.id}: Redis counts more claims than MySQL holds for a follower; answering busy`,
      );
    });

    it('LIMIT_REACHED while the first coupon is still on its way to MySQL: waits for it', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 5, perUserLimit: 1 });
      const openid = 'o-cs-inflight';
      await claims.claim(req(tpl.id, openid));
      const [row] = await rows(tpl.id, openid);
      await t.db.query('DELETE FROM coupon WHERE code = ?', [row.code]);
      // The row lands 20 ms into the refusal (a double tap whose first INSERT is slow).
      const lands = sleep(20).then(() =>
        t.db.query(
          `INSERT INTO coupon (code, template_id, openid, stock_seq, user_seq, request_key, channel,
             status, valid_from, valid_to, claimed_at)
           VALUES (?, ?, ?, ?, 1, ?, 'KEYWORD', 'AVAILABLE', NOW(), NOW() + INTERVAL 1 DAY, NOW())`,
          [row.code, tpl.id, openid, row.stock_seq, row.request_key],
        ),
      );
      const result = await claims.claim(req(tpl.id, openid));
      await lands;
      expect(result).toMatchObject({ outcome: ClaimOutcome.LIMIT_REACHED, replayed: false });
    });

    it('a retry of a grant: the same coupon, found by its own request key, with no INSERT', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 5 });
      await claims.claim(req(tpl.id));
      const second = req(tpl.id);
      const first = await claims.claim(second);
      const query = jest.spyOn(t.db, 'query');
      expect(await claims.claim(second)).toEqual({ ...first, replayed: true });
      expect(query.mock.calls.filter((c) => /INSERT INTO coupon/.test(String(c[0])))).toEqual([]);
    });

    it('a retry after the stored answers were lost: its own coupon, read back from MySQL', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 5, perUserLimit: 2 });
      await claims.claim(req(tpl.id));
      const mine = req(tpl.id);
      const first = await claims.claim(mine);
      await t.redis.del(templateKeys(tpl.id).request(mine.requestKey));
      expect(await claims.claim(mine)).toEqual({ ...first, replayed: true });
      expect(await rows(tpl.id, mine.openid)).toHaveLength(1);
    });

    it('a grant whose row never landed: the retry writes it, with the code first handed out', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 5 });
      const r = req(tpl.id);
      const code = await grantWithoutRow(tpl.id, r.openid, r.requestKey);
      expect(await claims.claim(r)).toMatchObject({
        outcome: ClaimOutcome.GRANTED,
        coupon: { code },
        replayed: true,
      });
      expect(await rows(tpl.id, r.openid)).toMatchObject([{ code, stock_seq: 1, user_seq: 1 }]);
    });

    it('two retries of that grant at once: one row, both answered with it', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 5 });
      const r = req(tpl.id);
      const code = await grantWithoutRow(tpl.id, r.openid, r.requestKey);
      const answers = await Promise.all([claims.claim(r), claims.claim(r)]);
      for (const a of answers) {
        expect(a).toMatchObject({
          outcome: ClaimOutcome.GRANTED,
          coupon: { code },
          replayed: true,
        });
      }
      expect(await rows(tpl.id)).toHaveLength(1);
    });

    it('a replayed refusal keeps its outcome', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 1 });
      await claims.claim(req(tpl.id));
      const late = req(tpl.id);
      expect((await claims.claim(late)).outcome).toBe(ClaimOutcome.SOLD_OUT);
      expect(await claims.claim(late)).toEqual({
        outcome: ClaimOutcome.SOLD_OUT,
        templateId: tpl.id,
        templateName: tpl.name,
        replayed: true,
      });
    });
  });

  describe('Redis behind MySQL: caught up within three attempts', () => {
    const heldInFreeSet = async (held: number) => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 10 });
      for (let i = 0; i < 3; i++) await claims.claim(req(tpl.id));
      // A lying free set: seqs MySQL holds, offered again.
      await t.redis.sadd(templateKeys(tpl.id).free, ...[1, 2, 3].slice(0, held));
      return tpl;
    };

    it('two held seqs in the free set: two clashes, granted on the third attempt', async () => {
      const tpl = await heldInFreeSet(2);
      const r = req(tpl.id);
      expect((await claims.claim(r)).outcome).toBe(ClaimOutcome.GRANTED);
      expect(await rows(tpl.id, r.openid)).toMatchObject([{ stock_seq: 4, user_seq: 1 }]);
      expect(await t.redis.smembers(templateKeys(tpl.id).free)).toEqual([]);
      // One claim, one count against the follower's rate, however many attempts it took.
      expect(await t.redis.get(templateKeys(tpl.id).rate(r.openid))).toBe('1');
    });

    it('three held seqs: gives up after three attempts, answers busy, takes nothing', async () => {
      const tpl = await heldInFreeSet(3);
      const warnings = logged('warn');
      const r = req(tpl.id);
      expect(await claims.claim(r)).toEqual({
        outcome: ClaimOutcome.ERROR,
        templateId: tpl.id,
        templateName: undefined,
        replayed: false,
      });
      expect(warnings()).toContain(`claim for template ${tpl.id} gave up after 3 attempts`);
      expect(await rows(tpl.id, r.openid)).toEqual([]);
      expect(await t.redis.get(templateKeys(tpl.id).issued)).toBe('3');
      expect((await claims.claim(req(tpl.id))).outcome).toBe(ClaimOutcome.GRANTED);
    });

    it('issued lowered under three rows: raised to MySQL at the first clash', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 10 });
      for (let i = 0; i < 3; i++) await claims.claim(req(tpl.id));
      await t.redis.set(templateKeys(tpl.id).issued, 0);
      const r = req(tpl.id);
      expect((await claims.claim(r)).outcome).toBe(ClaimOutcome.GRANTED);
      expect(await rows(tpl.id, r.openid)).toMatchObject([{ stock_seq: 4 }]);
    });

    it('a code already taken: the slot goes back and the claim retries with a new code', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 10 });
      await claims.claim(req(tpl.id));
      const [taken] = await rows(tpl.id);
      const generated = jest.mocked(generateCouponCode).mock.calls.length;
      jest.mocked(generateCouponCode).mockReturnValueOnce(taken.code);
      const loads = logged('log');
      const result = await claims.claim(req(tpl.id));
      expect(loads().filter((m) => m.includes('state loaded'))).toEqual([]); // no reload needed
      expect(result.outcome).toBe(ClaimOutcome.GRANTED);
      expect(result.coupon?.code).not.toBe(taken.code);
      expect(jest.mocked(generateCouponCode).mock.calls.length - generated).toBe(2); // clash, retry
      expect((await rows(tpl.id)).map((r) => r.stock_seq)).toEqual([1, 2]);
      expect(await t.redis.get(templateKeys(tpl.id).issued)).toBe('2');
    });
  });

  describe('the template cache', () => {
    const lookups = () => jest.spyOn(t.db.getRepository(CouponTemplate), 'findOneBy');

    it('a cached template costs no lookup; an edit elsewhere (new version) is seen at once', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 10 });
      await claims.claim(req(tpl.id));
      const findOneBy = lookups();
      await claims.claim(req(tpl.id));
      expect(findOneBy).not.toHaveBeenCalled();
      await t.db.query(
        "UPDATE coupon_template SET name = '改过的名字', version = version + 1 WHERE id = ?",
        [tpl.id],
      );
      await t.redis.hincrby(templateKeys(tpl.id).meta, 'version', 1);
      expect((await claims.claim(req(tpl.id))).templateName).toBe('改过的名字');
      expect(findOneBy).toHaveBeenCalledTimes(1);
      await claims.claim(req(tpl.id));
      expect(findOneBy).toHaveBeenCalledTimes(1);
    });

    it('paused and renamed by hand (no new version): the refusal reloads the template', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 10 });
      await claims.claim(req(tpl.id));
      await t.db.query(
        "UPDATE coupon_template SET status = 'PAUSED', name = '暂停改名' WHERE id = ?",
        [tpl.id],
      );
      expect(await claims.claim(req(tpl.id))).toMatchObject({
        outcome: ClaimOutcome.PAUSED,
        templateName: '暂停改名',
      });
    });

    it('deleted from MySQL while Redis still admits: not found, for a retry as well', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 10 });
      const first = req(tpl.id);
      expect((await claims.claim(first)).outcome).toBe(ClaimOutcome.GRANTED);
      await t.db.query('DELETE FROM coupon WHERE template_id = ?', [tpl.id]);
      await t.db.query('DELETE FROM coupon_template WHERE id = ?', [tpl.id]);
      await t.redis.hincrby(templateKeys(tpl.id).meta, 'version', 1);
      const notFound = { outcome: ClaimOutcome.NOT_FOUND, templateId: tpl.id, replayed: false };
      expect(await claims.claim(req(tpl.id))).toEqual({ ...notFound, templateName: undefined });
      expect(await claims.claim(first)).toEqual({ ...notFound, templateName: undefined });
    });
  });

  describe('what the gate says about the template', () => {
    it('a gate lost from Redis is rebuilt from MySQL; the claim counts once against the rate', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 10 });
      await claims.claim(req(tpl.id));
      await t.redis.del(templateKeys(tpl.id).meta);
      const r = req(tpl.id);
      expect((await claims.claim(r)).outcome).toBe(ClaimOutcome.GRANTED);
      expect(await t.redis.get(templateKeys(tpl.id).rate(r.openid))).toBe('1');
      expect(await rows(tpl.id)).toMatchObject([{ stock_seq: 1 }, { stock_seq: 2 }]);
    });

    it('a gate lost whole is rebuilt from MySQL: counters, free seqs, every follower, meta', async () => {
      const tpl = await activeTemplate(t.app, {
        keyword: undefined,
        menuKey: 'MENU_REBUILD',
        totalQuantity: 2000,
        perUserLimit: 3,
      });
      const keys = templateKeys(tpl.id);
      // 602 rows: 601 followers (more than one merge chunk of 500), one holding two; seqs 5, 7 lost.
      const seqs = [1, 2, 3, 4, 6, ...Array.from({ length: 597 }, (_, i) => i + 8)];
      const values = seqs.map((seq, i) => {
        const openid = i === 601 ? 'o-rb-0' : `o-rb-${i}`;
        return [
          `RB${String(tpl.id).padStart(4, '0')}${String(seq).padStart(10, '0')}`,
          tpl.id,
          openid,
          seq,
          i === 601 ? 2 : 1,
          `rb-${seq}`,
        ];
      });
      await t.db.query(
        `INSERT INTO coupon (code, template_id, openid, stock_seq, user_seq, request_key, channel,
           status, valid_from, valid_to, claimed_at) VALUES ${values
             .map(
               () =>
                 "(?, ?, ?, ?, ?, ?, 'KEYWORD', 'AVAILABLE', NOW(), NOW() + INTERVAL 1 DAY, NOW())",
             )
             .join(',')}`,
        values.flat(),
      );
      await t.redis.del(keys.meta, keys.issued, keys.users, keys.free);

      const merges = jest.spyOn(t.app.get<IssuanceScripts>(ISSUANCE_SCRIPTS), 'mergeCounts');
      const loads = logged('log');
      const r = req(tpl.id);
      expect((await claims.claim(r)).outcome).toBe(ClaimOutcome.GRANTED);
      // Followers merged 500 at a time (openid, count pairs), never in one huge command.
      expect(merges.mock.calls.map(([, pairs]) => pairs.length)).toEqual([1000, 202]);
      expect(loads().filter((m) => m.includes('state loaded'))).toEqual([
        `template ${tpl.id} state loaded: issued=604 free=2 followers=601`,
      ]);
      const [{ stock_seq: taken }] = await rows(tpl.id, r.openid);
      expect([5, 7]).toContain(taken); // a lost seq, before any new one
      expect(await t.redis.get(keys.issued)).toBe('604');
      expect(await t.redis.smembers(keys.free)).toEqual([String(12 - taken)]);
      expect(await t.redis.hlen(keys.users)).toBe(602);
      expect(await t.redis.hmget(keys.users, 'o-rb-0', 'o-rb-599', r.openid)).toEqual([
        '2',
        '1',
        '1',
      ]);
      const [fresh] = await t.db.query<{ version: number }[]>(
        'SELECT version FROM coupon_template WHERE id = ?',
        [tpl.id],
      );
      expect(await t.redis.hgetall(keys.meta)).toEqual({
        status: 'ACTIVE',
        startsAt: String(new Date(tpl.claimStartsAt).getTime()),
        endsAt: String(new Date(tpl.claimEndsAt).getTime()),
        total: '2000',
        limit: '3',
        version: String(fresh.version),
        daily: '0',
        kw: '',
        menu: 'MENU_REBUILD',
        welcome: '',
        aud: '',
      });
    });

    it('a template with an audience: the rebuilt gate names it and admits its members only', async () => {
      const token = await adminToken(t.app, AdminRole.MARKETER);
      const api = (url: string, payload: object) =>
        t.app.inject({
          method: 'POST',
          url,
          payload,
          headers: { authorization: `Bearer ${token}` },
        });
      const created = await api('/api/v1/admin/audiences', { name: '名单', kind: 'OPENID_LIST' });
      expect(created.statusCode).toBe(201);
      const audienceId = created.json<{ id: number }>().id;
      const member = `oMember${'x'.repeat(20)}`;
      const add = await api(`/api/v1/admin/audiences/${audienceId}/members:add`, {
        openids: [member],
      });
      expect(add.statusCode).toBe(200);
      const tpl = await activeTemplate(t.app, { audienceId, menuKey: undefined, totalQuantity: 5 });
      const keys = templateKeys(tpl.id);
      await t.redis.del(keys.meta, keys.audience);
      const merges = jest.spyOn(t.app.get<IssuanceScripts>(ISSUANCE_SCRIPTS), 'mergeCounts');

      expect((await claims.claim(req(tpl.id))).outcome).toBe(ClaimOutcome.NOT_IN_AUDIENCE);
      expect(merges).not.toHaveBeenCalled(); // no follower holds one yet: nothing to merge
      expect(await t.redis.hmget(keys.meta, 'aud', 'menu')).toEqual([String(audienceId), '']);
      expect((await claims.claim(req(tpl.id, member))).outcome).toBe(ClaimOutcome.GRANTED);
    });

    it('a template that does not exist is not found', async () => {
      expect(await claims.claim(req(987_654))).toEqual({
        outcome: ClaimOutcome.NOT_FOUND,
        templateId: 987_654,
        templateName: undefined,
        replayed: false,
      });
    });

    it('another instance is rebuilding the gate: the claim waits for it, at most 3 s', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 10 });
      const keys = templateKeys(tpl.id);
      const meta = await t.redis.hgetall(keys.meta);
      await t.redis.set(keys.lock, 'another-instance', 'PX', 10_000);
      try {
        await t.redis.del(keys.meta);
        const waiting = claims.claim(req(tpl.id));
        await sleep(300);
        await t.redis.hset(keys.meta, meta); // the other instance finishes
        expect((await waiting).outcome).toBe(ClaimOutcome.GRANTED);

        await t.redis.del(keys.meta); // ...and this time never does
        const started = Date.now();
        await expect(claims.claim(req(tpl.id))).rejects.toThrow(
          `template ${tpl.id} state rebuild did not finish in time`,
        );
        expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
      } finally {
        await t.redis.del(keys.lock);
      }
    });

    it('the routes hash lost: rebuilt from the live templates only, on the next lookup', async () => {
      const live = await activeTemplate(t.app, { keyword: '路由重建', menuKey: 'MENU_ROUTES' });
      const noKeyword = await activeTemplate(t.app, { keyword: undefined, menuKey: undefined });
      const ended = await activeTemplate(t.app, { keyword: '已结束路由', menuKey: 'MENU_ENDED' });
      await t.db.query("UPDATE coupon_template SET status = 'ENDED' WHERE id = ?", [ended.id]);
      await t.redis.del(ROUTES_KEY);

      const menu = {
        openid: `o-cs-${++n}`,
        requestKey: `cs-${++n}`,
        channel: ClaimChannel.MENU,
        route: { kind: 'menu' as const, value: 'MENU_ROUTES' },
      };
      expect((await claims.claimByRoute(menu))?.templateId).toBe(live.id);
      const routes = await t.redis.hgetall(ROUTES_KEY);
      expect(routes).toMatchObject({
        'kw:路由重建': String(live.id),
        'menu:MENU_ROUTES': String(live.id),
      });
      expect(Object.keys(routes).filter((k) => /null|undefined|已结束|ENDED/.test(k))).toEqual([]);
      expect(Object.values(routes)).not.toContain(String(noKeyword.id));
      expect(routes['welcome:*']).toBeUndefined(); // no live welcome template
      expect(await claims.claimByRoute(byKeyword('已结束路由'))).toBeNull();
      expect(await claims.claimByRoute(byKeyword('没有这个'))).toBeNull();
    });

    it('a draft is not found; a status the service does not know is an error', async () => {
      const tpl = await activeTemplate(t.app, { totalQuantity: 10 });
      const meta = templateKeys(tpl.id).meta;
      await t.redis.hset(meta, 'status', 'DRAFT');
      expect((await claims.claim(req(tpl.id))).outcome).toBe(ClaimOutcome.NOT_FOUND);
      await t.redis.hset(meta, 'status', 'ARCHIVED');
      expect((await claims.claim(req(tpl.id))).outcome).toBe(ClaimOutcome.ERROR);
    });
  });
});
