import { SchedulerRegistry } from '@nestjs/schedule';
import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { PeriodicWork, type RedisClient, RedisLock } from '@app/core';
import { generateCouponCode } from '@app/coupon';
import { TEST_ENV } from './setup/test-env';
import { createTestApp, resetState } from './support/test-app';
import { activeTemplate } from './support/templates';

/** One way to run periodic work: core's PeriodicWork on @nestjs/schedule, one Redis lock helper. */
describe('periodic work and the shared Redis lock', () => {
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(TEST_ENV.REDIS_URL, { lazyConnect: false });
  });
  afterAll(() => redis.quit());
  beforeEach(() => redis.flushdb());

  describe('RedisLock', () => {
    it('is exclusive, and frees itself after its ttl', async () => {
      const locks = new RedisLock(redis);
      const held = await locks.acquire('t:lock', 200);
      expect(held).not.toBeNull();
      expect(await locks.acquire('t:lock', 200)).toBeNull();
      await sleep(300);
      expect(await locks.acquire('t:lock', 200)).not.toBeNull();
    });

    it('release never deletes a lock that passed to another holder meanwhile', async () => {
      // The race a GET-then-DEL release loses: between our GET (still our token) and our DEL, the
      // lock expires and another instance takes it. This client lets exactly that happen right
      // after any GET of the lock key, before the caller sees the GET's answer.
      let theirToken: string | null = null;
      const racy = new Proxy(redis, {
        get(target, prop, receiver) {
          const value: unknown = Reflect.get(target, prop, receiver);
          if (prop !== 'get' || typeof value !== 'function') return value;
          return async (key: string) => {
            const seen = await target.get(key);
            if (key === 't:race') {
              await target.del(key); // our lock expired...
              theirToken = (await new RedisLock(target).acquire(key, 10_000))?.token ?? null;
            }
            return seen;
          };
        },
      }) as RedisClient;

      const locks = new RedisLock(racy);
      const ours = await locks.acquire('t:race', 10_000);
      expect(ours).not.toBeNull();
      await locks.release(ours!);
      // Released cleanly (nobody else got in: the key is gone), or the other holder's lock stands.
      expect(await redis.get('t:race')).toBe(theirToken);
    });
  });

  describe('PeriodicWork', () => {
    const registries: SchedulerRegistry[] = [];
    const periodic = (): { work: PeriodicWork; registry: SchedulerRegistry } => {
      const registry = new SchedulerRegistry();
      registries.push(registry);
      return { work: new PeriodicWork(registry, new RedisLock(redis)), registry };
    };
    const stopAll = (): void => {
      for (const r of registries.splice(0)) for (const n of r.getIntervals()) r.deleteInterval(n);
    };
    /** Stops the timers and waits for a run still in progress, so none outlives its test. */
    const settle = async (running: () => number): Promise<void> => {
      stopAll();
      while (running() > 0) await sleep(50);
    };
    afterEach(stopAll);

    it('registers nothing for 0 seconds (off)', () => {
      const { work, registry } = periodic();
      work.every('off', 0, () => Promise.resolve());
      expect(registry.getIntervals()).toEqual([]);
    });

    it('never overlaps itself, and a failure does not stop later runs', async () => {
      const { work, registry } = periodic();
      let running = 0;
      let maxRunning = 0;
      let runs = 0;
      work.every('slow', 1, async () => {
        runs += 1;
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await sleep(1500); // longer than the interval
        running -= 1;
        if (runs === 1) throw new Error('first run fails');
      });
      expect(registry.getIntervals()).toEqual(['slow']);
      await sleep(4800);
      await settle(() => running);
      expect(maxRunning).toBe(1);
      expect(runs).toBeGreaterThanOrEqual(2);
    }, 10_000);

    it('one-at-a-time: two instances never run the job at once', async () => {
      const a = periodic().work;
      const b = periodic().work;
      let running = 0;
      let maxRunning = 0;
      let runs = 0;
      const job = async (): Promise<void> => {
        runs += 1;
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await sleep(1200);
        running -= 1;
      };
      a.every('shared', 1, job, { acrossInstances: 'one-at-a-time' });
      b.every('shared', 1, job, { acrossInstances: 'one-at-a-time' });
      await sleep(4500);
      await settle(() => running);
      expect(runs).toBeGreaterThanOrEqual(2);
      expect(maxRunning).toBe(1);
    }, 10_000);

    it('one-at-a-time still runs the job when Redis is unreachable', async () => {
      const down = new Redis('redis://127.0.0.1:1', {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
      });
      const registry = new SchedulerRegistry();
      registries.push(registry);
      const work = new PeriodicWork(registry, new RedisLock(down));
      let runs = 0;
      work.every('no-redis', 1, () => Promise.resolve((runs += 1)), {
        acrossInstances: 'one-at-a-time',
      });
      await sleep(1300);
      stopAll();
      down.disconnect();
      expect(runs).toBeGreaterThanOrEqual(1);
    });
  });

  describe('in the app', () => {
    it('expiry, stock reconciliation and audit retention run on the one scheduler', async () => {
      const t = await createTestApp({
        COUPON_EXPIRY_INTERVAL_SECONDS: '1',
        STOCK_RECONCILE_INTERVAL_SECONDS: '60',
        LOG_LEVEL: 'error',
      });
      try {
        const registry = t.app.get(SchedulerRegistry);
        expect(registry.getIntervals().sort()).toEqual([
          'audit-event-purge',
          'coupon-expiry',
          'stock-reconcile',
        ]);

        await resetState(t);
        const tpl = await activeTemplate(t.app);
        const code = generateCouponCode();
        await t.db.query(
          `INSERT INTO coupon (code, template_id, openid, stock_seq, user_seq, request_key, channel,
             status, valid_from, valid_to, claimed_at)
           VALUES (?, ?, 'o-periodic', 1, 1, 'k-periodic', 'KEYWORD', 'AVAILABLE', ?, ?, ?)`,
          [
            code,
            tpl.id,
            new Date(Date.now() - 7_200_000),
            new Date(Date.now() - 60_000),
            new Date(),
          ],
        );
        const status = async () =>
          (
            await t.db.query<{ s: string }[]>('SELECT status AS s FROM coupon WHERE code = ?', [
              code,
            ])
          )[0].s;
        for (let i = 0; i < 40 && (await status()) !== 'EXPIRED'; i++) await sleep(100);
        expect(await status()).toBe('EXPIRED');
      } finally {
        await t.close();
      }
      delete process.env.COUPON_EXPIRY_INTERVAL_SECONDS;
      delete process.env.STOCK_RECONCILE_INTERVAL_SECONDS;
    }, 20_000);

    it('a job set to 0 is not scheduled', async () => {
      const t = await createTestApp({
        COUPON_EXPIRY_INTERVAL_SECONDS: '0',
        STOCK_RECONCILE_INTERVAL_SECONDS: '0',
        AUDIT_CONSUMER_ENABLED: 'false',
        LOG_LEVEL: 'error',
      });
      try {
        expect(t.app.get(SchedulerRegistry).getIntervals()).toEqual([]);
      } finally {
        await t.close();
      }
      delete process.env.COUPON_EXPIRY_INTERVAL_SECONDS;
      delete process.env.STOCK_RECONCILE_INTERVAL_SECONDS;
      delete process.env.AUDIT_CONSUMER_ENABLED;
    });
  });
});
