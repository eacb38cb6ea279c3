import { Redis } from 'ioredis';
import {
  AUDIT_CONSUMER_GROUP,
  AUDIT_STREAM_KEY,
  AuditPipelineStatus,
  AuditStreamConsumer,
  AuditEventSink,
  type AuditEvent,
  entryEvents,
  ensureGroup,
  StreamAuditRecorder,
} from '@app/audit';
import { waitFor } from './support/audit-events';
import { activeTemplate } from './support/templates';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { WechatSimulator } from './support/wechat-simulator';
import { wxClient } from './support/wx-client';
import { TEST_ENV } from './setup/test-env';

/** Pinned to the MySQL fallback so the table can be taken away; Mongo is covered by the contract. */
const AUDIT_ENV = {
  MONGODB_URI: '',
  AUDIT_ENABLED: 'true',
  AUDIT_CONSUMER_ENABLED: 'true',
  AUDIT_RECLAIM_IDLE_MS: '300',
  AUDIT_BATCH_SIZE: '500',
};

const sim = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });

async function countWhere(t: TestApp, where: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.db.query<{ n: string; d: string }[]>(
    `SELECT COUNT(*) AS n, COUNT(DISTINCT event_id) AS d FROM audit_event WHERE ${where}`,
    params,
  );
  expect(row.n).toBe(row.d); // never a duplicate
  return Number(row.n);
}

function recordMany(t: TestApp, prefix: string, n: number): void {
  const recorder = t.app.get(StreamAuditRecorder);
  for (let i = 0; i < n; i++) {
    recorder.record({
      kind: 'CLAIM',
      outcome: 'GRANTED',
      templateId: 9,
      requestKey: `${prefix}${i}`,
    });
  }
}

describe('audit pipeline (real Redis stream + MariaDB sink)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(AUDIT_ENV);
    await resetState(t);
    await t.db.query('TRUNCATE TABLE audit_event');
  });
  afterAll(() => t.close());

  it('records one event per claim through /wx, with outcome, code, latency and replay flag', async () => {
    const tpl = await activeTemplate(t.app, { keyword: '审计券', perUserLimit: 1 });
    const first = sim.text('o-audit-1', '审计券', '910000000000001');
    await wxClient(t).post(first);
    await wxClient(t).post(first); // WeChat retry
    const second = sim.text('o-audit-1', '审计券', '910000000000002');
    await wxClient(t).post(second);

    const sink = t.app.get(AuditEventSink);
    const page = await waitFor('three claim events', async () => {
      const p = await sink.query({ openid: 'o-audit-1' }, { page: 1, pageSize: 10 });
      return p.items.length === 3 ? p : null; // count and rows are read separately
    });
    const [limit, replay, granted] = page.items;
    const [{ code }] = await t.db.query<{ code: string }[]>(
      'SELECT code FROM coupon WHERE template_id = ?',
      [tpl.id],
    );
    expect(granted).toMatchObject({
      kind: 'CLAIM',
      outcome: 'GRANTED',
      templateId: tpl.id,
      couponCode: code,
      requestKey: 'm:910000000000001',
      channel: 'KEYWORD',
      detail: { replayed: false },
    });
    expect(granted.latencyMs).toBeGreaterThanOrEqual(0);
    expect(replay).toMatchObject({
      outcome: 'GRANTED',
      couponCode: code,
      detail: { replayed: true },
    });
    expect(limit).toMatchObject({
      outcome: 'LIMIT_REACHED',
      couponCode: null,
      requestKey: 'm:910000000000002',
    });

    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().details.audit).toMatchObject({ status: 'up', sink: 'mysql', pending: 0 });
  });

  it('keeps events in the stream while the sink is down and delivers all of them once it is back', async () => {
    const status = t.app.get(AuditPipelineStatus);
    await t.db.query('RENAME TABLE audit_event TO audit_event_offline');
    try {
      recordMany(t, 'down-', 300);
      const down = await waitFor('the sink failure to show', async () => {
        const s = await status.snapshot();
        // Entries, not events: the recorder appends each flush as one entry (JSON lines).
        return s.lastError?.includes('audit_event') && (s.pending ?? 0) + (s.lag ?? 0) >= 1
          ? s
          : null;
      });
      expect(down.consumer.trimmedUnwritten).toBe(0);
      const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(200); // claims keep flowing; the backlog is visible instead
      expect(ready.json().details.audit.lastError).toContain('audit_event');
    } finally {
      await t.db.query('RENAME TABLE audit_event_offline TO audit_event');
    }
    await waitFor(
      'all 300 events after recovery',
      async () => (await countWhere(t, "request_key LIKE 'down-%'")) === 300,
    );
    const after = await waitFor('pending to drain', async () => {
      const s = await status.snapshot();
      return s.pending === 0 && s.lag === 0 ? s : null;
    });
    expect(after.recorder.dropped).toBe(0);
  });

  it('writes 10,000 events exactly once, even when entries are appended and delivered twice', async () => {
    recordMany(t, 'bulk-', 10_000);
    await t.app.get(StreamAuditRecorder).flush();
    // A producer retry after a lost XADD reply appends the same event again (same event id).
    const again = await t.redis.xrange(AUDIT_STREAM_KEY, '-', '+', 'COUNT', 1000);
    const pipe = t.redis.pipeline();
    for (const [, fields] of again) pipe.xadd(AUDIT_STREAM_KEY, '*', ...fields);
    await pipe.exec();

    await waitFor(
      '10,000 bulk events',
      async () => (await countWhere(t, "request_key LIKE 'bulk-%'")) >= 10_000,
      30_000,
    );
    await waitFor('the stream to be drained', async () => {
      const s = await t.app.get(AuditPipelineStatus).snapshot();
      return s.pending === 0 && s.lag === 0;
    });
    expect(await countWhere(t, "request_key LIKE 'bulk-%'")).toBe(10_000);
    const [{ keys }] = await t.db.query<{ keys: string }[]>(
      "SELECT COUNT(DISTINCT request_key) AS `keys` FROM audit_event WHERE request_key LIKE 'bulk-%'",
    );
    expect(Number(keys)).toBe(10_000);
  }, 60_000);
});

describe('audit pipeline: a consumer dies after reading (and even writing) but before XACK', () => {
  let t: TestApp;
  let dead: Redis;

  beforeAll(async () => {
    // Produce only: the consumer is started by hand once the "dead" one holds the entries.
    t = await createTestApp({ ...AUDIT_ENV, AUDIT_CONSUMER_ENABLED: 'false' });
    await resetState(t);
    await t.db.query('TRUNCATE TABLE audit_event');
    dead = new Redis(TEST_ENV.REDIS_URL);
  });
  afterAll(async () => {
    dead.disconnect();
    await t.close();
  });

  it('reclaims its pending entries with XAUTOCLAIM and writes each exactly once', async () => {
    await ensureGroup(t.redis);
    recordMany(t, 'orphan-', 400);
    await t.app.get(StreamAuditRecorder).flush();

    const reply = (await dead.xreadgroup(
      'GROUP',
      AUDIT_CONSUMER_GROUP,
      'dead-consumer',
      'COUNT',
      1000,
      'STREAMS',
      AUDIT_STREAM_KEY,
      '>',
    )) as [string, [string, string[]][]][];
    const entries = reply[0][1];
    // One entry per recorder flush (JSON lines), not one per event.
    expect(entries.length).toBeLessThan(400);
    expect(entries.flatMap(([, f]) => entryEvents(f))).toHaveLength(400);
    // It got as far as writing the first entry's events to the sink, then died without acking.
    const firstEntry = entryEvents(entries[0][1]).filter((e): e is AuditEvent => e !== null);
    expect(firstEntry.length).toBeGreaterThan(0);
    const sink = t.app.get(AuditEventSink);
    await sink.write(firstEntry);
    expect(await countWhere(t, "request_key LIKE 'orphan-%'")).toBe(firstEntry.length);

    const consumer = t.app.get(AuditStreamConsumer);
    await consumer.start();
    try {
      await waitFor(
        'the orphaned entries',
        async () => (await countWhere(t, "request_key LIKE 'orphan-%'")) === 400,
      );
      await waitFor('the dead consumer to hold nothing', async () => {
        const [pending] = (await t.redis.xpending(AUDIT_STREAM_KEY, AUDIT_CONSUMER_GROUP)) as [
          number,
        ];
        return pending === 0;
      });
      expect(consumer.stats().reclaimed).toBe(entries.length);
      expect(await countWhere(t, "request_key LIKE 'orphan-%'")).toBe(400);
    } finally {
      await consumer.stop();
    }
  });
});

describe('audit pipeline: AUDIT_ENABLED=false (for benchmarking the claim path without it)', () => {
  it('makes record() a no-op', async () => {
    const t = await createTestApp({ ...AUDIT_ENV, AUDIT_ENABLED: 'false' });
    try {
      await resetState(t);
      t.app.get(StreamAuditRecorder).record({ kind: 'CLAIM', outcome: 'GRANTED' });
      await t.app.get(StreamAuditRecorder).flush();
      expect(await t.redis.xlen(AUDIT_STREAM_KEY)).toBe(0);
    } finally {
      await t.close();
    }
  });
});
