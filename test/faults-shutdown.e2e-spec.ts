import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { InFlightWork, mysqlOptions } from '@app/core';
import { templateKeys } from '@app/coupon';
import { BUSY_TEXT } from '@app/wechat';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { RedisServerProcess } from './support/redis-server';
import { WechatSimulator } from './support/wechat-simulator';
import { TEST_ENV } from './setup/test-env';
import { codeIn, wxClient } from './support/wx-client';

jest.setTimeout(60_000);

const sim = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });

/** app.close() (what SIGTERM runs) in the middle of a claim burst, on a throwaway Redis (7121). */
describe('faults: graceful shutdown mid-burst', () => {
  let redis: RedisServerProcess;
  let db: DataSource;
  let probe: Redis;

  beforeAll(async () => {
    redis = await RedisServerProcess.start(7121);
    db = new DataSource(mysqlOptions(TEST_ENV.DATABASE_URL, 2));
    await db.initialize();
    probe = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    probe?.disconnect();
    await db?.destroy();
    await redis?.destroy();
    delete process.env.AUDIT_CONSUMER_ENABLED;
  });

  it('every "granted" reply has a committed row, and no Redis slot is left dangling', async () => {
    const t: TestApp = await createTestApp({
      REDIS_URL: redis.url,
      AUDIT_CONSUMER_ENABLED: 'false',
    });
    await resetState(t);
    const tpl = await activeTemplate(t.app, { keyword: '停机', totalQuantity: 1000 });
    const inFlight = t.app.get(InFlightWork);

    const send = async (i: number): Promise<string> => {
      try {
        const { status, text } = await wxClient(t).reply(sim, sim.text(`o-stop-${i}`, '停机'));
        return status === 200 ? text : `HTTP ${status}`;
      } catch (err) {
        return `refused: ${String(err)}`;
      }
    };

    // Hold claims in flight for real: their guarded INSERT ... SELECT waits on the template row
    // while a test transaction holds it FOR UPDATE.
    const early = await Promise.all(Array.from({ length: 20 }, (_, i) => send(i)));
    const lock = db.createQueryRunner();
    await lock.startTransaction();
    await lock.query('SELECT id FROM coupon_template WHERE id = ? FOR UPDATE', [tpl.id]);
    const blocked = Array.from({ length: 20 }, (_, i) => send(100 + i));
    while (inFlight.size < 20) await new Promise((r) => setTimeout(r, 10));
    const inFlightAtClose = inFlight.size;

    const closing = t.close(); // SIGTERM does exactly this (enableShutdownHooks)
    const late = Array.from({ length: 20 }, (_, i) => send(200 + i)); // arrive while draining
    await new Promise((r) => setTimeout(r, 300));
    await lock.commitTransaction(); // let the in-flight claims finish
    await lock.release();
    const replies = [...early, ...(await Promise.all(blocked)), ...(await Promise.all(late))];
    await closing;

    const codes = replies.map(codeIn).filter((c): c is string => c !== undefined);
    const others = replies.filter((r) => codeIn(r) === undefined);
    expect(inFlightAtClose).toBe(20); // the close really hit claims in flight...
    expect(codes.length).toBeGreaterThanOrEqual(40); // ...and they finished, granted
    expect(others.length).toBeGreaterThan(0); // while new work was turned away
    for (const r of others) expect(r === BUSY_TEXT || /^HTTP 503|^refused/.test(r)).toBe(true);

    const rows = await db.query<{ code: string }[]>(
      'SELECT code FROM coupon WHERE template_id = ?',
      [tpl.id],
    );
    const saved = new Set(rows.map((r) => r.code));
    expect(codes.every((c) => saved.has(c))).toBe(true); // granted => committed
    expect(rows).toHaveLength(codes.length); // and no silent extra coupons
    // Drained before Redis closed: Redis' issued count matches MySQL exactly (no lost stock).
    const k = templateKeys(tpl.id);
    const issued = Number((await probe.get(k.issued)) ?? '0') - (await probe.scard(k.free));
    expect(issued).toBe(rows.length);
    console.log(
      `shutdown: ${codes.length} granted, ${others.length} turned away, ${inFlightAtClose} in flight at close`,
    );
  });
});
