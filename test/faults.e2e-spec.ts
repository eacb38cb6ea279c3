import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { templateKeys } from '@app/coupon';
import { BUSY_TEXT } from '@app/wechat';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { RedisServerProcess } from './support/redis-server';
import { WechatSimulator } from './support/wechat-simulator';
import { TEST_ENV } from './setup/test-env';
import { codeIn, wxClient } from './support/wx-client';

jest.setTimeout(60_000);

const DEADLINE_MS = 1500;
const sim = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });

/** Faults against a throwaway redis-server on 7111 (killed, restarted empty, script-flushed). */
describe('faults: Redis and MySQL failures on the claim path', () => {
  let redis: RedisServerProcess;
  let t: TestApp;
  let probe: Redis;

  beforeAll(async () => {
    redis = await RedisServerProcess.start(7111);
    t = await createTestApp({
      REDIS_URL: redis.url,
      WECHAT_REPLY_DEADLINE_MS: String(DEADLINE_MS),
      AUDIT_CONSUMER_ENABLED: 'false',
    });
    probe = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
  });
  afterAll(async () => {
    probe?.disconnect();
    await t?.close();
    await redis?.destroy();
    delete process.env.AUDIT_CONSUMER_ENABLED;
    delete process.env.WECHAT_REPLY_DEADLINE_MS;
  });
  beforeEach(async () => {
    await redis.boot(); // a failed test may have left it down
    await waitReady();
    await resetState(t);
  });

  async function claim(openid: string, keyword: string): Promise<{ text: string; ms: number }> {
    const { status, text, ms } = await wxClient(t).reply(sim, sim.text(openid, keyword));
    expect(status).toBe(200);
    return { text, ms };
  }

  const ready = async () =>
    (await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode;

  async function waitReady(): Promise<void> {
    for (let i = 0; i < 100 && (await ready()) !== 200; i++) await sleep(50);
    expect(await ready()).toBe(200);
  }

  async function invariants(templateId: number, total: number, limit: number) {
    const [s] = await t.db.query<{ n: string; maxSeq: number | null; codes: string }[]>(
      `SELECT COUNT(*) AS n, MAX(stock_seq) AS maxSeq, COUNT(DISTINCT code) AS codes
       FROM coupon WHERE template_id = ?`,
      [templateId],
    );
    const [u] = await t.db.query<{ worst: number | null }[]>(
      `SELECT MAX(n) AS worst FROM (SELECT COUNT(*) AS n FROM coupon WHERE template_id = ?
       GROUP BY openid) x`,
      [templateId],
    );
    expect(Number(s.n)).toBeLessThanOrEqual(total);
    expect(Number(s.maxSeq ?? 0)).toBeLessThanOrEqual(total);
    expect(Number(s.codes)).toBe(Number(s.n));
    expect(Number(u.worst ?? 0)).toBeLessThanOrEqual(limit);
    return Number(s.n);
  }

  /** New followers claim in waves until a wave is answered "sold out" only. */
  async function drainStock(keyword: string, prefix: string): Promise<string[]> {
    const granted: string[] = [];
    for (let wave = 0; wave < 30; wave++) {
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) => claim(`${prefix}-${wave}-${i}`, keyword)),
      );
      const codes = replies.map((r) => codeIn(r.text)).filter((c): c is string => !!c);
      granted.push(...codes);
      if (codes.length === 0 && replies.every((r) => r.text.includes('被领完'))) return granted;
    }
    throw new Error('stock never ran out');
  }

  it('Redis down: BUSY within the deadline, /health/ready 503; claims resume by themselves', async () => {
    const tpl = await activeTemplate(t.app, { keyword: '宕机', totalQuantity: 10 });
    expect(codeIn((await claim('o-down-0', '宕机')).text)).toBeDefined();

    await redis.stop();
    const replies = await Promise.all(
      Array.from({ length: 5 }, (_, i) => claim(`o-down-${i + 1}`, '宕机')),
    );
    for (const r of replies) {
      expect(r.text).toBe(BUSY_TEXT);
      expect(r.ms).toBeLessThan(DEADLINE_MS + 500);
    }
    expect(await ready()).toBe(503);
    expect(await invariants(tpl.id, 10, 1)).toBe(1);

    await redis.boot(); // back, and empty: the gate is rebuilt from MySQL
    await waitReady();
    const later = await drainStock('宕机', 'o-back');
    expect(later).toHaveLength(9);
    expect(await invariants(tpl.id, 10, 1)).toBe(10);
  });

  it('Redis killed mid-burst and restarted empty: no oversell, and it recovers', async () => {
    const total = 300;
    const tpl = await activeTemplate(t.app, {
      keyword: '崩溃',
      totalQuantity: total,
      perUserLimit: 2,
    });
    expect(codeIn((await claim('o-warm', '崩溃')).text)).toBeDefined();
    // 200 followers, 2 messages each, all at once; Redis dies while they are in flight.
    let grantedSoFar = 0;
    let killed: Promise<void> | undefined;
    const burst = Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        // Staggered over ~1 s so the kill finds claims at every stage (Lua, INSERT, reply).
        sleep(Math.floor(i / 4) * 10)
          .then(() => claim(`o-kill-${i % 200}`, '崩溃'))
          .then((r) => {
            // SIGKILL right as the 20th grant lands: the rest are in flight at every stage.
            if (codeIn(r.text) && ++grantedSoFar === 20) killed = redis.stop();
            return r;
          }),
      ),
    );
    for (let i = 0; i < 1000 && !killed; i++) await sleep(5);
    expect(killed).toBeDefined();
    await killed;
    await sleep(300);
    await redis.boot();
    const replies = await burst;
    const grantedInBurst = replies.map((r) => codeIn(r.text)).filter((c) => !!c);
    // Every follower told "granted" holds a committed row.
    const [{ n: burstRows }] = await t.db.query<{ n: string }[]>(
      `SELECT COUNT(*) AS n FROM coupon WHERE template_id = ? AND code IN (?)`,
      [tpl.id, grantedInBurst.length > 0 ? grantedInBurst : ['-']],
    );
    expect(Number(burstRows)).toBe(grantedInBurst.length);
    await invariants(tpl.id, total, 2);

    await waitReady();
    await drainStock('崩溃', 'o-after');
    expect(await invariants(tpl.id, total, 2)).toBe(total);
    console.log(
      `kill mid-burst: ${grantedInBurst.length} granted in the burst, ${replies.length - grantedInBurst.length} other replies`,
    );
  });

  it('SCRIPT FLUSH mid-run: no follower sees an error (EVALSHA falls back to EVAL)', async () => {
    const tpl = await activeTemplate(t.app, { keyword: '刷脚本', totalQuantity: 300 });
    const before = await noscriptErrors();
    const replies: string[] = [];
    for (let wave = 0; wave < 6; wave++) {
      const batch = Promise.all(
        Array.from({ length: 50 }, (_, i) => claim(`o-flush-${wave}-${i}`, '刷脚本')),
      );
      await probe.script('FLUSH'); // concurrently with the wave
      replies.push(...(await batch).map((r) => r.text));
    }
    expect(replies.filter((r) => codeIn(r) !== undefined)).toHaveLength(300);
    expect(await invariants(tpl.id, 300, 1)).toBe(300);
    // Redis really answered NOSCRIPT, and ioredis retried with EVAL.
    expect((await noscriptErrors()) - before).toBeGreaterThan(0);
  });

  async function noscriptErrors(): Promise<number> {
    const info = await probe.info('errorstats');
    return Number(/errorstat_NOSCRIPT:count=(\d+)/.exec(info)?.[1] ?? '0');
  }

  it('a failed INSERT is never reported granted, and its Redis slot is given back', async () => {
    const total = 5;
    const tpl = await activeTemplate(t.app, { keyword: '写失败', totalQuantity: total });
    const trigger = `wxc_fail_insert_${tpl.id}`;
    await t.db.query(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON coupon FOR EACH ROW
       BEGIN
         IF NEW.template_id = ${tpl.id} THEN
           SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected insert failure';
         END IF;
       END`,
    );
    try {
      const failed = await Promise.all(
        Array.from({ length: total }, (_, i) => claim(`o-fail-${i}`, '写失败')),
      );
      for (const r of failed) {
        expect(codeIn(r.text)).toBeUndefined();
        expect(r.text).toBe(BUSY_TEXT);
      }
      expect(await invariants(tpl.id, total, 1)).toBe(0);
      // Every slot went back to Redis: nothing issued, no follower counted.
      const k = templateKeys(tpl.id);
      const issued = Number((await probe.get(k.issued)) ?? '0');
      expect(issued - (await probe.scard(k.free))).toBe(0);
      expect(Object.values(await probe.hgetall(k.users)).every((n) => n === '0')).toBe(true);
    } finally {
      await t.db.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    }
    // The same followers now get all the stock.
    const again = await Promise.all(
      Array.from({ length: total }, (_, i) => claim(`o-fail-${i}`, '写失败')),
    );
    expect(again.filter((r) => codeIn(r.text) !== undefined)).toHaveLength(total);
    expect((await claim('o-fail-extra', '写失败')).text).toContain('被领完');
    expect(await invariants(tpl.id, total, 1)).toBe(total);
  });
});
