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
  type ClaimLogFilter,
  type ClaimLogPage,
  ClaimLogSink,
  type OutcomeCount,
  type PageRequest,
  type SummaryRange,
} from './claim-log-sink';

export const CLAIM_LOGS_COLLECTION = 'claim_logs';
const DUPLICATE_KEY = 11000;
const INDEX_OPTIONS_CONFLICT = new Set([85, 86]);
const TTL_INDEX = 'ttl_at';

/** The event as a document: `_id` is the event id (inserting a redelivered event fails with
 * 11000, which we ignore) and `at` its time (the TTL index's field). */
type ClaimLogDocument = Omit<AuditEvent, 'eventId' | 'occurredAt'> & { _id: string; at: Date };

/**
 * MongoDB sink: collection `claim_logs` in the URI's database. Writes wait for a majority (with a
 * timeout) so an acked stream entry is durable on the replica set; a TTL index on `at` enforces
 * AUDIT_RETENTION_DAYS. Indexes are created lazily so the app boots while MongoDB is down.
 */
export class MongoClaimLogSink extends ClaimLogSink implements OnModuleInit, OnApplicationShutdown {
  readonly name = 'mongodb' as const;
  private readonly logger = new Logger(MongoClaimLogSink.name);
  private readonly client: MongoClient;
  private readonly logs: Collection<ClaimLogDocument>;
  private indexes: Promise<void> | null = null;

  constructor(
    uri: string,
    private readonly retentionDays: number,
    collection = CLAIM_LOGS_COLLECTION,
  ) {
    super();
    this.client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
    this.logs = this.client.db().collection<ClaimLogDocument>(collection, {
      writeConcern: { w: 'majority', wtimeoutMS: 5000 },
    });
  }

  onModuleInit(): void {
    this.ensureIndexes().catch((err: unknown) =>
      this.logger.warn(`claim_logs indexes not ready yet: ${String(err)}`),
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

  async query(filter: ClaimLogFilter, page: PageRequest): Promise<ClaimLogPage> {
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

  private async createIndexes(): Promise<void> {
    await this.logs.createIndexes([
      { key: { openid: 1, at: -1, _id: -1 }, name: 'openid_at' },
      { key: { templateId: 1, at: -1, _id: -1 }, name: 'templateId_at' },
      { key: { outcome: 1, at: -1, _id: -1 }, name: 'outcome_at' },
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

function onlyDuplicates(err: unknown): boolean {
  if (!(err instanceof MongoBulkWriteError) || err.result?.getWriteConcernError()) return false;
  const errors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
  return errors.length > 0 && errors.every((e: { code?: unknown }) => e.code === DUPLICATE_KEY);
}

function toFilter(f: ClaimLogFilter): Filter<ClaimLogDocument> {
  const where: Filter<ClaimLogDocument> = {};
  if (f.openid !== undefined) where.openid = f.openid;
  if (f.templateId !== undefined) where.templateId = f.templateId;
  if (f.outcome !== undefined) where.outcome = f.outcome;
  if (f.from !== undefined || f.to !== undefined) {
    where.at = {
      ...(f.from !== undefined ? { $gte: f.from } : {}),
      ...(f.to !== undefined ? { $lt: f.to } : {}),
    };
  }
  return where;
}

function toDocument(e: AuditEvent): ClaimLogDocument {
  const { eventId, occurredAt, ...rest } = e;
  return { _id: eventId, at: occurredAt, ...rest };
}

function fromDocument(d: ClaimLogDocument): AuditEvent {
  const { _id, at, ...rest } = d;
  return { eventId: _id, occurredAt: at, ...rest };
}
