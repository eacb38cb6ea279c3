import type { AuditEvent, AuditEventSink } from '@app/audit';
import { auditEvent } from './audit-events';

export interface SinkUnderTest {
  sink: AuditEventSink;
  /** Empties the store between tests. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

const T0 = Date.parse('2026-11-20T08:00:00.000Z');
const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);
const ids = (events: AuditEvent[]): string[] => events.map((e) => e.eventId);
/** The order every sink must return: time desc, then event id desc. */
const newestFirst = (events: AuditEvent[]): AuditEvent[] =>
  [...events].sort(
    (a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.eventId < b.eventId ? 1 : -1),
  );

/**
 * One behaviour for every AuditEventSink: idempotent writes, filters, stable pagination, summary.
 * Each sink spec calls this with a factory for a real store.
 */
export function describeAuditEventSinkContract(
  name: string,
  factory: () => Promise<SinkUnderTest>,
): void {
  describe(`AuditEventSink contract: ${name}`, () => {
    let s: SinkUnderTest;

    beforeAll(async () => {
      s = await factory();
    });
    beforeEach(() => s.clear());
    afterAll(() => s?.close());

    it('stores every field and reads it back unchanged', async () => {
      const e = auditEvent({
        occurredAt: at(1),
        kind: 'REDEEM',
        outcome: 'REDEEMED',
        templateId: 42,
        openid: 'o-fields',
        couponCode: 'CODE0000CODE0000',
        requestKey: 'pos-1',
        channel: 'POS',
        latencyMs: 7,
        detail: { replayed: true, amountCents: 1500 },
      });
      const bare = auditEvent({
        occurredAt: at(0),
        templateId: null,
        openid: null,
        couponCode: null,
        requestKey: null,
        channel: null,
        latencyMs: null,
        detail: null,
      });
      await s.sink.write([e, bare]);
      const page = await s.sink.query({}, { page: 1, pageSize: 10 });
      expect(page.total).toBe(2);
      expect(page.items).toEqual([e, bare]);
    });

    it('is idempotent by event id: redelivered batches and in-batch repeats add nothing', async () => {
      const batch = [1, 2, 3].map((m) => auditEvent({ occurredAt: at(m) }));
      await s.sink.write(batch);
      await s.sink.write(batch);
      await s.sink.write([batch[1], auditEvent({ occurredAt: at(4) }), batch[1]]);
      const page = await s.sink.query({}, { page: 1, pageSize: 100 });
      expect(page.total).toBe(4);
      expect(new Set(ids(page.items)).size).toBe(4);
    });

    it('filters by openid, templateId, outcome and [from, to)', async () => {
      const events = [
        auditEvent({ occurredAt: at(0), openid: 'o-a', templateId: 1, outcome: 'GRANTED' }),
        auditEvent({ occurredAt: at(1), openid: 'o-a', templateId: 2, outcome: 'SOLD_OUT' }),
        auditEvent({ occurredAt: at(2), openid: 'o-b', templateId: 1, outcome: 'LIMIT_REACHED' }),
        auditEvent({ occurredAt: at(3), openid: 'o-b', templateId: 2, outcome: 'GRANTED' }),
      ];
      await s.sink.write(events);
      const q = async (f: Parameters<AuditEventSink['query']>[0]) =>
        ids((await s.sink.query(f, { page: 1, pageSize: 100 })).items);

      expect(await q({ openid: 'o-a' })).toEqual(ids([events[1], events[0]]));
      expect(await q({ templateId: 2 })).toEqual(ids([events[3], events[1]]));
      expect(await q({ outcome: 'GRANTED' })).toEqual(ids([events[3], events[0]]));
      expect(await q({ openid: 'o-b', templateId: 1 })).toEqual(ids([events[2]]));
      expect(await q({ from: at(1), to: at(3) })).toEqual(ids([events[2], events[1]]));
      expect(await q({ from: at(3) })).toEqual(ids([events[3]]));
      expect(await q({ to: at(0) })).toEqual([]);
      expect(await q({ openid: 'nobody' })).toEqual([]);
    });

    it('paginates newest first with ties broken by event id: pages never overlap', async () => {
      // 25 events over 5 distinct times: many share a timestamp.
      const events = Array.from({ length: 25 }, (_, i) =>
        auditEvent({ occurredAt: at(i % 5), openid: 'o-page' }),
      );
      await s.sink.write(events);
      const pages = await Promise.all(
        [1, 2, 3].map((page) => s.sink.query({ openid: 'o-page' }, { page, pageSize: 10 })),
      );
      expect(pages.map((p) => p.total)).toEqual([25, 25, 25]);
      expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
      expect(pages.flatMap((p) => ids(p.items))).toEqual(ids(newestFirst(events)));
      const beyond = await s.sink.query({ openid: 'o-page' }, { page: 4, pageSize: 10 });
      expect(beyond).toEqual({ items: [], total: 25 });
    });

    it('summarises outcomes per template in [from, to), optionally for one template', async () => {
      await s.sink.write([
        auditEvent({ occurredAt: at(0), templateId: 1, outcome: 'GRANTED' }),
        auditEvent({ occurredAt: at(1), templateId: 1, outcome: 'GRANTED' }),
        auditEvent({ occurredAt: at(2), templateId: 1, outcome: 'SOLD_OUT' }),
        auditEvent({ occurredAt: at(3), templateId: 2, outcome: 'GRANTED' }),
        auditEvent({ occurredAt: at(9), templateId: 2, outcome: 'ERROR' }), // after `to`
      ]);
      expect(await s.sink.summary({ from: at(0), to: at(9) })).toEqual([
        { templateId: 1, outcome: 'GRANTED', count: 2 },
        { templateId: 1, outcome: 'SOLD_OUT', count: 1 },
        { templateId: 2, outcome: 'GRANTED', count: 1 },
      ]);
      expect(await s.sink.summary({ from: at(1), to: at(10), templateId: 2 })).toEqual([
        { templateId: 2, outcome: 'ERROR', count: 1 },
        { templateId: 2, outcome: 'GRANTED', count: 1 },
      ]);
      expect(await s.sink.summary({ from: at(20), to: at(30) })).toEqual([]);
    });
  });
}
