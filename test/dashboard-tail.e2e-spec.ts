import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { AUDIT_STREAM_KEY, entryEvents } from '@app/audit';
import { activeTemplate } from './support/templates';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { WechatSimulator } from './support/wechat-simulator';
import { wxClient } from './support/wx-client';
import { TEST_ENV } from './setup/test-env';

const wechat = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });
const CURSOR = 'dash:{dash}:cursor';

/**
 * The dashboard tail of a new deployment (no cursor in Redis yet) must start from a fixed entry
 * id: a blocking read from '$' misses whatever is written between two reads, and then nothing
 * ever counts it.
 */
describe('dashboard tail on a new deployment (e2e)', () => {
  const redis = new Redis(TEST_ENV.REDIS_URL);
  let t: TestApp | undefined;

  afterAll(async () => {
    await t?.close();
    redis.disconnect();
  });

  /** This db's clients blocked in XREAD: the tails (the audit consumer uses XREADGROUP). */
  async function blockedTails(): Promise<string[]> {
    const db = new URL(TEST_ENV.REDIS_URL).pathname.slice(1) || '0';
    const list = (await redis.client('LIST')) as string;
    return list
      .split('\n')
      .filter((l) => / db=(\d+) /.exec(l)?.[1] === db && / cmd=xread /.test(`${l} `))
      .filter((l) => / flags=\S*b/.test(l))
      .map((l) => /^id=(\d+)/.exec(l)![1]);
  }

  it('counts an entry written between two blocking reads', async () => {
    // A real claim's stream entry, to be written again later.
    const seed = await createTestApp();
    await resetState(seed);
    const { keyword } = await activeTemplate(seed.app, { totalQuantity: 5 });
    await wxClient(seed).send(wechat, wechat.text(`o-tail-${process.pid}`, keyword!));
    let claimEntry: string[] | undefined;
    for (let i = 0; i < 100 && !claimEntry; i += 1) {
      const entries = await redis.xrange(AUDIT_STREAM_KEY, '-', '+');
      claimEntry = entries.find(([, f]) => entryEvents(f).some((e) => e?.kind === 'CLAIM'))?.[1];
      if (!claimEntry) await sleep(20);
    }
    expect(claimEntry).toBeDefined();
    await seed.close();
    // A deployment whose Redis holds no dashboard keys yet (the stream has entries).
    const dash = await redis.keys('dash:{dash}:*');
    if (dash.length > 0) await redis.del(...dash);

    t = await createTestApp();
    let tails: string[] = [];
    for (let i = 0; i < 100 && tails.length === 0; i += 1) {
      await sleep(20);
      tails = await blockedTails();
    }
    expect(tails.length).toBeGreaterThan(0);

    // End the blocking reads and append the entry before any tail can read again.
    const tx = redis.multi();
    for (const id of tails) tx.client('UNBLOCK', id, 'TIMEOUT');
    tx.xadd(AUDIT_STREAM_KEY, '*', ...claimEntry!);
    const results = (await tx.exec())!;
    const written = results[results.length - 1][1] as string;

    let cursor: string | null = null;
    for (let i = 0; i < 150 && cursor !== written; i += 1) {
      await sleep(20);
      cursor = await redis.get(CURSOR);
    }
    expect(cursor).toBe(written);
    const minute = Math.floor(Date.now() / 60_000);
    const counted = await Promise.all(
      [minute - 1, minute].map((m) => redis.hget(`dash:{dash}:m:${m}`, 'c:GRANTED')),
    );
    // The seed's entry came before this deployment started: only the new one is counted.
    expect(counted.reduce((n, v) => n + Number(v ?? 0), 0)).toBe(1);
  });
});
