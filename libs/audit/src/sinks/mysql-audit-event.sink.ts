import type { DataSource } from 'typeorm';
import type { AuditEvent } from '../audit-event';
import {
  type AuditEventFilter,
  type AuditEventPage,
  AuditEventSink,
  type OutcomeCount,
  type PageRequest,
  type SummaryRange,
} from './audit-event-sink';

/** snake_case of a camelCase field name: its column in `audit_event`. */
type Column<K extends string> = K extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Column<T>}`
  : K;

/** A row of `audit_event`, derived from the one AuditEvent definition (detail stored as JSON). */
type AuditEventRow = {
  [K in keyof AuditEvent as Column<K>]: K extends 'detail' ? string | null : AuditEvent[K];
};

/** Insert order; toParams follows it. */
const COLUMNS = [
  'event_id',
  'kind',
  'outcome',
  'template_id',
  'openid',
  'coupon_code',
  'request_key',
  'channel',
  'latency_ms',
  'instance',
  'occurred_at',
  'detail',
] as const satisfies readonly (keyof AuditEventRow)[];
/** A field AuditEvent gains without a column here fails the build. */
const everyColumn: [Exclude<keyof AuditEventRow, (typeof COLUMNS)[number]>] extends [never]
  ? true
  : never = true;
void everyColumn;
const ROWS_PER_INSERT = 500;
const PURGE_BATCH = 5_000;
const DAY_MS = 86_400_000;

/**
 * Fallback sink when MONGODB_URI is unset: table `audit_event` (PRIMARY KEY event_id). INSERT IGNORE
 * makes a redelivered event a no-op; it also turns an over-long value into a truncation warning
 * instead of an error, so one odd event cannot block the stream forever.
 */
export class MysqlAuditEventSink extends AuditEventSink {
  readonly name = 'mysql' as const;

  constructor(
    private readonly db: DataSource,
    private readonly retentionDays: number,
  ) {
    super();
  }

  async write(batch: readonly AuditEvent[]): Promise<void> {
    for (let i = 0; i < batch.length; i += ROWS_PER_INSERT) {
      const chunk = batch.slice(i, i + ROWS_PER_INSERT);
      const placeholders = chunk.map(() => `(${COLUMNS.map(() => '?').join(',')})`).join(',');
      await this.db.query(
        `INSERT IGNORE INTO audit_event (${COLUMNS.join(',')}) VALUES ${placeholders}`,
        chunk.flatMap(toParams),
      );
    }
  }

  async query(filter: AuditEventFilter, page: PageRequest): Promise<AuditEventPage> {
    const { where, params } = whereClause(filter);
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<AuditEventRow[]>(
        `SELECT * FROM audit_event ${where}
         ORDER BY occurred_at DESC, event_id DESC LIMIT ? OFFSET ?`,
        [...params, page.pageSize, (page.page - 1) * page.pageSize],
      ),
      this.db.query<{ total: string }[]>(
        `SELECT COUNT(*) AS total FROM audit_event ${where}`,
        params,
      ),
    ]);
    return { items: rows.map(fromRow), total: Number(total) };
  }

  async summary(range: SummaryRange): Promise<OutcomeCount[]> {
    const { where, params } = whereClause(range);
    const rows = await this.db.query<{ templateId: number | null; outcome: string; n: string }[]>(
      `SELECT template_id AS templateId, outcome, COUNT(*) AS n FROM audit_event ${where}
       GROUP BY template_id, outcome ORDER BY template_id, outcome`,
      params,
    );
    return rows.map((r) => ({ templateId: r.templateId, outcome: r.outcome, count: Number(r.n) }));
  }

  /** Deletes entries older than the retention in small batches (short locks); returns the count. */
  async purgeExpired(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.retentionDays * DAY_MS);
    let purged = 0;
    for (;;) {
      const res = await this.db.query<{ affectedRows: number }>(
        'DELETE FROM audit_event WHERE occurred_at < ? ORDER BY occurred_at LIMIT ?',
        [cutoff, PURGE_BATCH],
      );
      purged += res.affectedRows;
      if (res.affectedRows < PURGE_BATCH) return purged;
    }
  }
}

function whereClause(f: AuditEventFilter): { where: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown): void => {
    conds.push(sql);
    params.push(value);
  };
  if (f.openid !== undefined) add('openid = ?', f.openid);
  if (f.templateId !== undefined) add('template_id = ?', f.templateId);
  if (f.outcome !== undefined) add('outcome = ?', f.outcome);
  if (f.kind !== undefined) add('kind = ?', f.kind);
  if (f.from !== undefined) add('occurred_at >= ?', f.from);
  if (f.to !== undefined) add('occurred_at < ?', f.to);
  return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

function toParams(e: AuditEvent): unknown[] {
  return [
    e.eventId,
    e.kind,
    e.outcome,
    e.templateId,
    e.openid,
    e.couponCode,
    e.requestKey,
    e.channel,
    e.latencyMs === null ? null : Math.max(0, Math.round(e.latencyMs)),
    e.instance,
    e.occurredAt,
    e.detail ? JSON.stringify(e.detail) : null,
  ];
}

function fromRow(r: AuditEventRow): AuditEvent {
  return {
    eventId: r.event_id,
    kind: r.kind,
    outcome: r.outcome,
    templateId: r.template_id,
    openid: r.openid,
    couponCode: r.coupon_code,
    requestKey: r.request_key,
    channel: r.channel,
    latencyMs: r.latency_ms,
    instance: r.instance,
    occurredAt: r.occurred_at,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  };
}
