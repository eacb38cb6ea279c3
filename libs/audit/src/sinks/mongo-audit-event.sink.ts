import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import {
  type Collection,
  type Filter,
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
} from 'mongodb';
import type { AuditEvent } from '../audit-event';
import {
  type AuditEventFilter,
  type AuditEventPage,
  AuditEventSink,
  type OutcomeCount,
  type PageRequest,
  type SummaryRange,
} from './audit-event-sink';

export const AUDIT_EVENTS_COLLECTION = 'audit_events';
/** The collection's name before it held redemptions and revocations too (renamed on first use). */
const LEGACY_COLLECTION = 'claim_logs';
const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;
const NAMESPACE_EXISTS = 48;
const INDEX_OPTIONS_CONFLICT = new Set([85, 86]);
const TTL_INDEX = 'ttl_at';

/** The event as a document: `_id` is the event id (inserting a redelivered event fails with
 * 11000, which we ignore) and `at` its time (the TTL index's field). */
type AuditEventDocument = Omit<AuditEvent, 'eventId' | 'occurredAt'> & { _id: string; at: Date };

/**
 * MongoDB sink: collection `audit_events` in the URI's database (an older `claim_logs` is renamed). Writes wait for a majority (with a
 * timeout) so an acked stream entry is durable on the replica set; a TTL index on `at` enforces
 * AUDIT_RETENTION_DAYS. Indexes are created lazily so the app boots while MongoDB is down.
 */
export class MongoAuditEventSink
  extends AuditEventSink
  implements OnModuleInit, OnApplicationShutdown
{
  readonly name = 'mongodb' as const;
  private readonly logger = new Logger(MongoAuditEventSink.name);
  private readonly client: MongoClient;
  private readonly logs: Collection<AuditEventDocument>;
  private indexes: Promise<void> | null = null;

  constructor(
    uri: string,
    private readonly retentionDays: number,
    collection = AUDIT_EVENTS_COLLECTION,
  ) {
    super();
    this.client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
    this.logs = this.client.db().collection<AuditEventDocument>(collection, {
      writeConcern: { w: 'majority', wtimeoutMS: 5000 },
    });
  }

  onModuleInit(): void {
    this.ensureIndexes().catch((err: unknown) =>
      this.logger.warn(`audit_events indexes not ready yet: ${String(err)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }

  async write(batch: readonly AuditEvent[]): Promise<void> {
    if (batch.length === 0) return;
    await this.ensureIndexes();
    try {
      await this.logs.insertMany(batch.map(toDocument), { ordered: false });
    } catch (err) {
      if (!onlyDuplicates(err)) throw err;
    }
  }

  async query(filter: AuditEventFilter, page: PageRequest): Promise<AuditEventPage> {
    const where = toFilter(filter);
    const [docs, total] = await Promise.all([
      this.logs
        .find(where)
        .sort({ at: -1, _id: -1 })
        .skip((page.page - 1) * page.pageSize)
        .limit(page.pageSize)
        .toArray(),
      this.logs.countDocuments(where),
    ]);
    return { items: docs.map(fromDocument), total };
  }

  async summary(range: SummaryRange): Promise<OutcomeCount[]> {
    const rows = await this.logs
      .aggregate<{ _id: { templateId: number | null; outcome: string }; n: number }>([
        { $match: toFilter(range) },
        { $group: { _id: { templateId: '$templateId', outcome: '$outcome' }, n: { $sum: 1 } } },
        { $sort: { '_id.templateId': 1, '_id.outcome': 1 } },
      ])
      .toArray();
    return rows.map((r) => ({ templateId: r._id.templateId, outcome: r._id.outcome, count: r.n }));
  }

  /** Once per process; retried on the next write if MongoDB was unreachable. */
  private ensureIndexes(): Promise<void> {
    this.indexes ??= this.createIndexes().catch((err: unknown) => {
      this.indexes = null;
      throw err;
    });
    return this.indexes;
  }

  /** Deployments from before the rename keep their events: `claim_logs` becomes `audit_events`
   * (only when the new one does not exist yet, and only for the default name). */
  private async renameLegacyCollection(): Promise<void> {
    if (this.logs.collectionName !== AUDIT_EVENTS_COLLECTION) return;
    try {
      await this.client.db().renameCollection(LEGACY_COLLECTION, AUDIT_EVENTS_COLLECTION);
      this.logger.log(`renamed collection ${LEGACY_COLLECTION} to ${AUDIT_EVENTS_COLLECTION}`);
    } catch (err) {
      const expected =
        isNamespaceMissing(err) ||
        (err instanceof MongoServerError && err.code === NAMESPACE_EXISTS);
      if (!expected) throw err;
    }
  }

  private async createIndexes(): Promise<void> {
    await this.renameLegacyCollection();
    await this.logs.createIndexes([
      { key: { openid: 1, at: -1, _id: -1 }, name: 'openid_at' },
      { key: { templateId: 1, at: -1, _id: -1 }, name: 'templateId_at' },
      { key: { outcome: 1, at: -1, _id: -1 }, name: 'outcome_at' },
      { key: { kind: 1, at: -1, _id: -1 }, name: 'kind_at' },
    ]);
    const expireAfterSeconds = this.retentionDays * 86_400;
    try {
      await this.logs.createIndex({ at: 1 }, { name: TTL_INDEX, expireAfterSeconds });
    } catch (err) {
      if (!(err instanceof MongoServerError) || !INDEX_OPTIONS_CONFLICT.has(Number(err.code))) {
        throw err;
      }
      // AUDIT_RETENTION_DAYS changed: adjust the existing TTL index in place.
      await this.client.db().command({
        collMod: this.logs.collectionName,
        index: { name: TTL_INDEX, expireAfterSeconds },
      });
    }
  }
}

function isNamespaceMissing(err: unknown): boolean {
  return err instanceof MongoServerError && err.code === NAMESPACE_NOT_FOUND;
}

function onlyDuplicates(err: unknown): boolean {
  if (!(err instanceof MongoBulkWriteError) || err.result?.getWriteConcernError()) return false;
  const errors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
  return errors.length > 0 && errors.every((e: { code?: unknown }) => e.code === DUPLICATE_KEY);
}

function toFilter(f: AuditEventFilter): Filter<AuditEventDocument> {
  const where: Filter<AuditEventDocument> = {};
  if (f.openid !== undefined) where.openid = f.openid;
  if (f.templateId !== undefined) where.templateId = f.templateId;
  if (f.outcome !== undefined) where.outcome = f.outcome;
  if (f.kind !== undefined) where.kind = f.kind;
  if (f.from !== undefined || f.to !== undefined) {
    where.at = {
      ...(f.from !== undefined ? { $gte: f.from } : {}),
      ...(f.to !== undefined ? { $lt: f.to } : {}),
    };
  }
  return where;
}

function toDocument(e: AuditEvent): AuditEventDocument {
  const { eventId, occurredAt, ...rest } = e;
  return { _id: eventId, at: occurredAt, ...rest };
}

function fromDocument(d: AuditEventDocument): AuditEvent {
  const { _id, at, ...rest } = d;
  return { eventId: _id, occurredAt: at, ...rest };
}
