import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { duplicateKeyOf, MetricsService } from '@app/core';
import type { ClaimChannel } from '../entities/coupon.entity';

export interface CouponRow {
  code: string;
  templateId: number;
  openid: string;
  stockSeq: number;
  userSeq: number;
  requestKey: string;
  channel: ClaimChannel;
  validFrom: Date;
  validTo: Date;
  claimedAt: Date;
}

/**
 * inserted: committed. refused: the template cannot issue this slot (not ACTIVE, seq beyond
 * total or limit). duplicate-request: this WeChat message already has a coupon.
 * redis-behind: the stock/user seq is taken in MySQL. code-clash: the code is taken.
 */
export type WriteOutcome =
  'inserted' | 'refused' | 'duplicate-request' | 'redis-behind' | 'code-clash';

const COLUMNS =
  'code, template_id, openid, stock_seq, user_seq, request_key, channel, status, valid_from, valid_to, claimed_at';
const ROW_SELECT =
  'SELECT ? AS code, ? AS template_id, ? AS openid, ? AS stock_seq, ? AS user_seq, ? AS request_key, ? AS channel, ' +
  '? AS valid_from, ? AS valid_to, ? AS claimed_at';
/** The template row guards every insert: MySQL, not Redis, has the last word on status and stock. */
const GUARDED_INSERT = (rows: number) => `
  INSERT INTO coupon (${COLUMNS})
  SELECT v.code, v.template_id, v.openid, v.stock_seq, v.user_seq, v.request_key, v.channel,
         'AVAILABLE', v.valid_from, v.valid_to, v.claimed_at
  FROM (${Array.from({ length: rows }, () => ROW_SELECT).join(' UNION ALL ')}) v
  JOIN coupon_template t ON t.id = v.template_id
  WHERE t.status = 'ACTIVE' AND t.total_quantity >= v.stock_seq AND t.per_user_limit >= v.user_seq`;

const MAX_BATCH = 100;
const MAX_IN_FLIGHT = 4;

interface Pending {
  row: CouponRow;
  resolve(outcome: WriteOutcome): void;
  reject(err: unknown): void;
}

/**
 * Writes claimed coupons with natural batching: rows that arrive while earlier writes are in
 * flight go out together as one multi-row INSERT (one commit, one fsync), so a burst costs MySQL
 * a few statements instead of thousands. Under light load a row is written on its own at once.
 * Every caller still learns its own row's fate before the follower is answered.
 */
@Injectable()
export class CouponWriter implements BeforeApplicationShutdown {
  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly metrics: MetricsService,
  ) {}

  /** Shutdown: every queued row is written (and its caller told) before the DataSource closes,
   * which Nest does later, in onApplicationShutdown. */
  async beforeApplicationShutdown(): Promise<void> {
    const until = Date.now() + 10_000;
    while ((this.queue.length > 0 || this.inFlight > 0 || this.scheduled) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  write(row: CouponRow): Promise<WriteOutcome> {
    return new Promise<WriteOutcome>((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= MAX_IN_FLIGHT || this.queue.length === 0) return;
    this.scheduled = true;
    // Let the rows of this event-loop turn join the batch.
    setImmediate(() => {
      this.scheduled = false;
      const batch = this.queue.splice(0, MAX_BATCH);
      if (batch.length === 0) return;
      this.inFlight++;
      void this.flush(batch).finally(() => {
        this.inFlight--;
        this.schedule();
      });
      this.schedule();
    });
  }

  private async flush(batch: Pending[]): Promise<void> {
    const done = this.metrics.mysqlDuration.startTimer({ op: 'insert_coupons' });
    try {
      const outcomes =
        batch.length === 1
          ? [await this.insertOne(batch[0].row)]
          : await this.insertMany(batch.map((p) => p.row));
      batch.forEach((p, i) => p.resolve(outcomes[i]));
    } catch (err) {
      for (const p of batch) p.reject(err);
    } finally {
      done();
    }
  }

  private async insertMany(rows: CouponRow[]): Promise<WriteOutcome[]> {
    let affected: number;
    try {
      const res = await this.db.query<{ affectedRows: number }>(
        GUARDED_INSERT(rows.length),
        rows.flatMap(params),
      );
      affected = res.affectedRows;
    } catch (err) {
      // One clash fails the whole statement and writes nothing: settle each row on its own.
      if (duplicateKeyOf(err) === null) throw err;
      return Promise.all(rows.map((r) => this.insertOne(r)));
    }
    if (affected === rows.length) return rows.map(() => 'inserted');
    // Some rows were refused by the template guard: find out which ones made it.
    const found = await this.db.query<{ code: string }[]>(
      `SELECT code FROM coupon WHERE code IN (${rows.map(() => '?').join(',')})`,
      rows.map((r) => r.code),
    );
    const inserted = new Set(found.map((f) => f.code));
    return rows.map((r) => (inserted.has(r.code) ? 'inserted' : 'refused'));
  }

  private async insertOne(row: CouponRow): Promise<WriteOutcome> {
    try {
      const res = await this.db.query<{ affectedRows: number }>(GUARDED_INSERT(1), params(row));
      return res.affectedRows === 1 ? 'inserted' : 'refused';
    } catch (err) {
      switch (duplicateKeyOf(err)) {
        case 'uq_coupon_request':
          return 'duplicate-request';
        case 'uq_coupon_stock_seq':
        case 'uq_coupon_user_seq':
          return 'redis-behind';
        case 'uq_coupon_code':
          return 'code-clash';
        default:
          throw err;
      }
    }
  }
}

function params(r: CouponRow): unknown[] {
  return [
    r.code,
    r.templateId,
    r.openid,
    r.stockSeq,
    r.userSeq,
    r.requestKey,
    r.channel,
    r.validFrom,
    r.validTo,
    r.claimedAt,
  ];
}
