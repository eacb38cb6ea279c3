import { Redis } from 'ioredis';
import { templateKeys } from '@app/coupon';
import { defineIssuanceScripts, type IssuanceScripts } from '@app/coupon';
import { TEST_ENV } from './setup/test-env';

/**
 * The gate's Lua scripts, each check run directly against a real Redis (issue #16: a check in a
 * script needs a test that fails without it). The claim path's e2e specs cover claim.lua; these
 * cover the repair scripts, whose every branch is hard to reach through /wx on purpose.
 */
describe('gate scripts (Lua, real Redis)', () => {
  let redis: Redis;
  let scripts: IssuanceScripts;
  const k = templateKeys(990_001);
  const req = k.request('m-1');

  beforeAll(() => {
    redis = new Redis(TEST_ENV.REDIS_URL);
    scripts = defineIssuanceScripts(redis);
  });
  afterAll(() => redis.disconnect());
  beforeEach(async () => {
    await redis.del(k.meta, k.issued, k.users, k.free, req);
  });

  const state = async () => ({
    issued: await redis.get(k.issued),
    free: (await redis.smembers(k.free)).sort(),
    count: await redis.hget(k.users, 'o1'),
    request: await redis.get(req),
  });

  describe('release.lua (a slot whose row could not be written)', () => {
    const release = (s: number, u: number) =>
      scripts.release([k.issued, k.users, k.free, req], 'o1', s, u);

    it('the newest slot: the counters step back, nothing goes to the free set', async () => {
      await redis.set(k.issued, 5);
      await redis.hset(k.users, 'o1', 2);
      await redis.set(req, 'GRANTED|5|2|C');
      await release(5, 2);
      expect(await state()).toEqual({ issued: '4', free: [], count: '1', request: null });
    });

    it('an older slot goes to the free set; a count that moved on stays (fail safe)', async () => {
      await redis.set(k.issued, 7);
      await redis.hset(k.users, 'o1', 3);
      await release(5, 2);
      expect(await state()).toEqual({ issued: '7', free: ['5'], count: '3', request: null });
    });
  });

  describe('catch-up.lua (a unique-key clash: Redis behind MySQL)', () => {
    const catchUp = (maxS: number, maxU: number, giveS: number, giveU: number) =>
      scripts.catchUp([k.issued, k.users, req, k.free], 'o1', maxS, maxU, giveS, giveU);

    it('raises the counters to MySQL, never lowers them', async () => {
      await redis.set(k.issued, 2);
      await redis.hset(k.users, 'o1', 1);
      await catchUp(4, 3, 0, 0);
      expect(await state()).toMatchObject({ issued: '4', count: '3' });
      await catchUp(1, 1, 0, 0); // Redis ahead (claims in flight): untouched
      expect(await state()).toMatchObject({ issued: '4', count: '3' });
    });

    it("gives back the attempt's seqs MySQL does not hold, before raising", async () => {
      // issued lowered to 0 by a lie, the attempt took stock 1 (held in MySQL) and user seq 1 (not).
      await redis.set(k.issued, 1);
      await redis.hset(k.users, 'o1', 1);
      await redis.set(req, 'GRANTED|1|1|C');
      await catchUp(2, 0, 0, 1);
      expect(await state()).toEqual({ issued: '2', free: [], count: '0', request: null });
    });

    it('a stock seq MySQL lacks: the newest steps back, an older one is freed', async () => {
      await redis.set(k.issued, 3); // the attempt's own seq 3 is the newest
      await catchUp(5, 0, 3, 0);
      expect(await state()).toMatchObject({ issued: '5', free: [] });
      await redis.set(k.issued, 9); // others took seqs since: seq 3 goes to the free set
      await catchUp(5, 0, 3, 0);
      expect(await state()).toMatchObject({ issued: '9', free: ['3'] });
    });

    it("keeps the follower's count when a later claim moved it", async () => {
      await redis.hset(k.users, 'o1', 3);
      await catchUp(0, 1, 0, 2);
      expect(await state()).toMatchObject({ count: '3' });
    });
  });

  describe('merge-counts.lua (rebuild from MySQL)', () => {
    it('raises or sets counts, never lowers one', async () => {
      await redis.hset(k.users, 'o1', 3, 'o2', 1);
      await scripts.mergeCounts(k.users, ['o1', 2, 'o2', 2, 'o3', 1]);
      expect(await redis.hgetall(k.users)).toEqual({ o1: '3', o2: '2', o3: '1' });
    });
  });

  describe('publish-state.lua (rebuild final step)', () => {
    const meta = (total: number) => ['status', 'ACTIVE', 'total', total, 'version', 2];

    it('raises issued only, adds the free seqs, replaces meta whole', async () => {
      await redis.set(k.issued, 9);
      await redis.hset(k.meta, 'status', 'PAUSED', 'stale', 'x');
      await scripts.publishState([k.meta, k.issued, k.free], 4, '2,3', meta(10));
      expect(await state()).toMatchObject({ issued: '9', free: ['2', '3'] });
      expect(await redis.hgetall(k.meta)).toEqual({ status: 'ACTIVE', total: '10', version: '2' });
      await redis.set(k.issued, 1);
      await scripts.publishState([k.meta, k.issued, k.free], 4, '', meta(10));
      expect(await redis.get(k.issued)).toBe('4');
    });

    it('drops free seqs beyond the stock (they can never become rows)', async () => {
      await redis.sadd(k.free, 3, 10, 11, 99);
      await scripts.publishState([k.meta, k.issued, k.free], 2, '', meta(10));
      expect((await redis.smembers(k.free)).sort()).toEqual(['10', '3']);
    });
  });

  describe('update-meta.lua (edits on a loaded state)', () => {
    it('leaves a missing state missing (the next claim rebuilds it whole)', async () => {
      expect(await scripts.updateMeta(k.meta, ['status', 'PAUSED', 'version', 3])).toBe(0);
      expect(await redis.exists(k.meta)).toBe(0);
    });

    it('applies a newer or equal version, refuses an older one', async () => {
      await redis.hset(k.meta, 'status', 'ACTIVE', 'version', 3);
      expect(await scripts.updateMeta(k.meta, ['status', 'PAUSED', 'version', 2])).toBe(0);
      expect(await redis.hget(k.meta, 'status')).toBe('ACTIVE');
      expect(await scripts.updateMeta(k.meta, ['status', 'PAUSED', 'version', 3])).toBe(1);
      expect(await scripts.updateMeta(k.meta, ['status', 'ENDED', 'version', 4])).toBe(1);
      expect(await redis.hmget(k.meta, 'status', 'version')).toEqual(['ENDED', '4']);
    });
  });

  describe('give-back-count.lua (reconciler: a follower count whose rows never landed)', () => {
    it('compare-and-set: only the count the reconciler saw is lowered', async () => {
      await redis.hset(k.users, 'o1', 2);
      expect(await scripts.giveBackCount(k.users, 'o1', 1, 0)).toBe(0); // it moved: untouched
      expect(await redis.hget(k.users, 'o1')).toBe('2');
      expect(await scripts.giveBackCount(k.users, 'o1', 2, 1)).toBe(1);
      expect(await redis.hget(k.users, 'o1')).toBe('1');
      expect(await scripts.giveBackCount(k.users, 'o1', 1, 0)).toBe(1);
      expect(await redis.hexists(k.users, 'o1')).toBe(0); // 0 = no claim: the field goes
      expect(await scripts.giveBackCount(k.users, 'o1', 0, 0)).toBe(0); // absent is not "0"
    });
  });
});
