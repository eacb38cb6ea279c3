import { randomBytes } from 'node:crypto';
import { MetricsService } from '@app/core';
import { ClaimChannel, CouponWriter, type CouponRow, type WriteOutcome } from '@app/coupon';
import { activeTemplate } from './support/templates';
import { createTestApp, resetState, type TestApp } from './support/test-app';

/**
 * CouponWriter is the MySQL proof of every claim: the guarded INSERT (status, stock, per-user
 * limit checked by MySQL itself) and the unique keys. It batches rows that arrive together, so
 * each row's fate must still be its own: these specs drive the writer directly against the real
 * database, in batches and alone, with every kind of refusal and clash mixed in.
 */
describe('CouponWriter: batched guarded inserts against MariaDB (e2e)', () => {
  let t: TestApp;
  let writer: CouponWriter;
  /** Every statement the writer sends, with its row count, and the most in flight at once. */
  let statements: number[];
  /** Follow-up reads of which rows of a statement landed (only needed when some were refused). */
  let lookups = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    writer = t.app.get(CouponWriter);
    const original = t.db.query.bind(t.db);
    // A pass-through spy: the real query runs; we only watch what the writer sends.
    jest.spyOn(t.db, 'query').mockImplementation(async (sql: string, params?: unknown[]) => {
      const insert = /^\s*INSERT INTO coupon /.test(sql);
      if (/^SELECT code FROM coupon WHERE code IN/.test(sql)) lookups++;
      if (insert) {
        statements.push((params?.length ?? 0) / 10);
        maxInFlight = Math.max(maxInFlight, ++inFlight);
      }
      try {
        return (await original(sql, params)) as unknown;
      } finally {
        if (insert) inFlight--;
      }
    });
  });
  beforeEach(async () => {
    await resetState(t);
    statements = [];
    lookups = 0;
    maxInFlight = 0;
  });
  afterAll(() => t.close());

  const code = (): string => randomBytes(12).toString('base64url').slice(0, 16).toUpperCase();
  const row = (templateId: number, over: Partial<CouponRow> = {}): CouponRow => {
    seq++;
    const now = new Date();
    return {
      code: code(),
      templateId,
      openid: `o-writer-${seq}`,
      stockSeq: seq,
      userSeq: 1,
      requestKey: `writer-${seq}-${code()}`,
      channel: ClaimChannel.KEYWORD,
      validFrom: now,
      validTo: new Date(now.getTime() + 86_400_000),
      claimedAt: now,
      ...over,
    };
  };
  const stockRows = (templateId: number, n: number, from = 1): CouponRow[] =>
    Array.from({ length: n }, (_, i) => row(templateId, { stockSeq: from + i }));
  const codesIn = async (templateId: number): Promise<Set<string>> =>
    new Set(
      (
        await t.db.query<{ code: string }[]>('SELECT code FROM coupon WHERE template_id = ?', [
          templateId,
        ])
      ).map((r) => r.code),
    );
  const insertMetricCount = async (): Promise<number> => {
    const text = await t.app.get(MetricsService).registry.metrics();
    const m = /wxcoupon_mysql_query_duration_seconds_count\{op="insert_coupons"\} (\d+)/.exec(text);
    return m ? Number(m[1]) : 0;
  };
  /** Fails fast instead of hanging when a promise is never settled. */
  const settled = <T>(p: Promise<T>): Promise<T> =>
    Promise.race([
      p,
      new Promise<T>((_, reject) =>
        setTimeout(() => reject(new Error('write never settled')), 10_000),
      ),
    ]);

  it('a lone row is one single-row statement, timed under op="insert_coupons"', async () => {
    const tpl = await activeTemplate(t.app, { totalQuantity: 10 });
    const before = await insertMetricCount();
    const r = row(tpl.id, { stockSeq: 1 });
    expect(await settled(writer.write(r))).toBe('inserted');
    expect(statements).toEqual([1]);
    expect(await codesIn(tpl.id)).toEqual(new Set([r.code]));
    expect((await insertMetricCount()) - before).toBe(1);
  });

  it('rows of one turn go out together, at most 100 per statement and 4 statements in flight', async () => {
    const tpl = await activeTemplate(t.app, { totalQuantity: 1000 });
    const rows = stockRows(tpl.id, 650);
    const before = await insertMetricCount();
    const outcomes = await settled(Promise.all(rows.map((r) => writer.write(r))));
    expect(outcomes.every((o) => o === 'inserted')).toBe(true);
    expect(await codesIn(tpl.id)).toEqual(new Set(rows.map((r) => r.code)));
    expect(statements).toEqual([100, 100, 100, 100, 100, 100, 50]);
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect((await insertMetricCount()) - before).toBe(statements.length);
    expect(lookups).toBe(0); // every row of every statement landed: nothing to look up
  });

  it('rows arriving while statements are in flight wait for a free slot, then all land', async () => {
    const tpl = await activeTemplate(t.app, { totalQuantity: 1000 });
    const rows = stockRows(tpl.id, 400);
    const writes: Promise<WriteOutcome>[] = [];
    for (let i = 0; i < rows.length; i += 20) {
      for (const r of rows.slice(i, i + 20)) writes.push(writer.write(r));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await settled(Promise.all(writes))).toEqual(rows.map(() => 'inserted'));
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(statements.reduce((a, b) => a + b, 0)).toBe(400);
    expect(await codesIn(tpl.id)).toEqual(new Set(rows.map((r) => r.code)));
  });

  it('the template guard refuses, row by row inside a batch: beyond stock, beyond the limit, another template not ACTIVE', async () => {
    const tpl = await activeTemplate(t.app, { totalQuantity: 5, perUserLimit: 2 });
    const paused = await activeTemplate(t.app, { totalQuantity: 5 });
    await t.db.query("UPDATE coupon_template SET status = 'PAUSED' WHERE id = ?", [paused.id]);
    const good = stockRows(tpl.id, 3);
    const beyondStock = row(tpl.id, { stockSeq: 6 });
    const beyondLimit = row(tpl.id, { stockSeq: 4, userSeq: 3 });
    const onPaused = row(paused.id, { stockSeq: 1 });
    const noTemplate = row(tpl.id + 1000, { stockSeq: 1 });
    const batch = [good[0], beyondStock, good[1], beyondLimit, onPaused, good[2], noTemplate];
    const outcomes = await settled(Promise.all(batch.map((r) => writer.write(r))));
    expect(statements).toEqual([7]);
    expect(outcomes).toEqual([
      'inserted',
      'refused',
      'inserted',
      'refused',
      'refused',
      'inserted',
      'refused',
    ]);
    expect(await codesIn(tpl.id)).toEqual(new Set(good.map((r) => r.code)));
    expect((await codesIn(paused.id)).size).toBe(0);
    expect(lookups).toBe(1); // which rows of the batch landed
    // Alone, the same refusals are single-row statements with the same answers.
    statements = [];
    expect(await settled(writer.write(row(tpl.id, { stockSeq: 6 })))).toBe('refused');
    expect(await settled(writer.write(row(paused.id, { stockSeq: 2 })))).toBe('refused');
    expect(statements).toEqual([1, 1]);
    expect(lookups).toBe(1); // a lone row needs no lookup: its affected count says it all
  });

  it('one clash in a batch writes nothing at first; each row is then settled on its own with its reason', async () => {
    const tpl = await activeTemplate(t.app, { totalQuantity: 100, perUserLimit: 3 });
    const seed = row(tpl.id, { stockSeq: 1, openid: 'o-seed', userSeq: 1 });
    expect(await settled(writer.write(seed))).toBe('inserted');
    statements = [];
    const fresh = stockRows(tpl.id, 3, 10);
    const stockClash = row(tpl.id, { stockSeq: 1 });
    const userClash = row(tpl.id, { stockSeq: 20, openid: 'o-seed', userSeq: 1 });
    const sameRequest = row(tpl.id, { stockSeq: 21, requestKey: seed.requestKey });
    const sameCode = row(tpl.id, { stockSeq: 22, code: seed.code });
    const batch = [fresh[0], stockClash, fresh[1], userClash, sameRequest, sameCode, fresh[2]];
    const outcomes = await settled(Promise.all(batch.map((r) => writer.write(r))));
    expect(outcomes).toEqual([
      'inserted',
      'redis-behind',
      'inserted',
      'redis-behind',
      'duplicate-request',
      'code-clash',
      'inserted',
    ]);
    // The failed 7-row statement, then one statement per row.
    expect(statements).toEqual([7, 1, 1, 1, 1, 1, 1, 1]);
    expect(await codesIn(tpl.id)).toEqual(new Set([seed.code, ...fresh.map((r) => r.code)]));
  });

  it('an error that is not a clash reaches every caller of the batch (never a silent hang), and the writer goes on', async () => {
    const tpl = await activeTemplate(t.app, { totalQuantity: 100 });
    const tooLong = row(tpl.id, { stockSeq: 1, openid: 'o'.repeat(200) });
    const rest = stockRows(tpl.id, 2, 2);
    const results = await settled(
      Promise.allSettled([tooLong, ...rest].map((r) => writer.write(r))),
    );
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((await codesIn(tpl.id)).size).toBe(0);
    await expect(
      settled(writer.write(row(tpl.id, { stockSeq: 9, openid: 'x'.repeat(65) }))),
    ).rejects.toThrow();
    const after = row(tpl.id, { stockSeq: 10 });
    expect(await settled(writer.write(after))).toBe('inserted');
    expect(await codesIn(tpl.id)).toEqual(new Set([after.code]));
  });

  it('shutdown waits until every queued row is written and its caller told', async () => {
    const tpl = await activeTemplate(t.app, { totalQuantity: 1000 });
    const rows = stockRows(tpl.id, 450);
    let told = 0;
    const writes = rows.map((r) =>
      writer.write(r).then((o) => {
        told++;
        return o;
      }),
    );
    await writer.beforeApplicationShutdown();
    expect(told).toBe(rows.length);
    expect(await Promise.all(writes)).toEqual(rows.map(() => 'inserted'));
    expect((await codesIn(tpl.id)).size).toBe(rows.length);
  });
});
