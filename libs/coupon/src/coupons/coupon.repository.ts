import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CouponStatus } from '../entities/coupon.entity';

export interface StockSummary {
  /** Coupon rows of the template. */
  issued: number;
  /** Highest stock_seq written (0 when none): issued < maxStockSeq means gaps. */
  maxStockSeq: number;
}

export interface StatusCounts {
  issued: number;
  redeemed: number;
  /** EXPIRED, or AVAILABLE past valid_to (whether or not the expiry job ran). */
  expired: number;
  revoked: number;
}

export interface HeldCouponRow {
  code: string;
  templateName: string;
  validFrom: Date;
  validTo: Date;
}

/**
 * The hand-written SQL on `coupon`, in one place, for the queries TypeORM's repository API does
 * not express well (aggregates, batched compare-and-set, window counts). The claim path's guarded
 * INSERT stays with CouponWriter, and redemption's compare-and-set UPDATEs with RedemptionService
 * (both run inside their own transactions and retries).
 */
@Injectable()
export class CouponRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async stockSummary(templateId: number): Promise<StockSummary> {
    const [row] = await this.db.query<{ issued: string; maxSeq: number | null }[]>(
      'SELECT COUNT(*) AS issued, MAX(stock_seq) AS maxSeq FROM coupon WHERE template_id = ?',
      [templateId],
    );
    return { issued: Number(row.issued), maxStockSeq: row.maxSeq ?? 0 };
  }

  /** Coupons issued (rows) per template, for a page of templates in one query. */
  async issuedCounts(templateIds: number[]): Promise<Map<number, number>> {
    if (templateIds.length === 0) return new Map();
    const rows = await this.db.query<{ t: number; n: string }[]>(
      `SELECT template_id AS t, COUNT(*) AS n FROM coupon WHERE template_id IN (?) GROUP BY template_id`,
      [templateIds],
    );
    return new Map(rows.map((r) => [Number(r.t), Number(r.n)]));
  }

  /** Stock seqs in 1..upTo with no coupon row: slots handed out whose row never landed or was
   * given back. */
  async missingStockSeqs(templateId: number, upTo: number): Promise<number[]> {
    const rows = await this.db.query<{ s: number }[]>(
      'SELECT stock_seq AS s FROM coupon WHERE template_id = ? AND stock_seq <= ?',
      [templateId, upTo],
    );
    const taken = new Set(rows.map((r) => r.s));
    const missing: number[] = [];
    for (let s = 1; s <= upTo; s++) if (!taken.has(s)) missing.push(s);
    return missing;
  }

  /** Each follower's highest user_seq for the template (their claim count as Redis tracks it). */
  followerCounts(templateId: number): Promise<{ openid: string; n: number }[]> {
    return this.db.query<{ openid: string; n: number }[]>(
      'SELECT openid, MAX(user_seq) AS n FROM coupon WHERE template_id = ? GROUP BY openid',
      [templateId],
    );
  }

  /** One batch of AVAILABLE -> EXPIRED past valid_to (compare-and-set); returns rows changed. */
  async expireBatch(now: Date, batchSize: number): Promise<number> {
    const res = await this.db.query<{ affectedRows: number }>(
      `UPDATE coupon SET status = 'EXPIRED'
       WHERE status = 'AVAILABLE' AND valid_to < ?
       ORDER BY valid_to LIMIT ?`,
      [now, batchSize],
    );
    return res.affectedRows;
  }

  /** Usable coupons of a follower, soonest to expire first, with the total beyond the limit. */
  async heldBy(
    openid: string,
    now: Date,
    limit: number,
  ): Promise<{ rows: HeldCouponRow[]; total: number }> {
    const rows = await this.db.query<(HeldCouponRow & { total: string })[]>(
      `SELECT c.code, t.name AS templateName, c.valid_from AS validFrom, c.valid_to AS validTo,
              COUNT(*) OVER () AS total
       FROM coupon c JOIN coupon_template t ON t.id = c.template_id
       WHERE c.openid = ? AND c.status = 'AVAILABLE' AND c.valid_to >= ?
       ORDER BY c.valid_to ASC, c.id ASC LIMIT ?`,
      [openid, now, limit],
    );
    return {
      rows: rows.map(({ total: _total, ...r }) => r),
      total: rows.length > 0 ? Number(rows[0].total) : 0,
    };
  }

  /**
   * Followers holding a coupon of the template in the status a reader sees (any but REVOKED when
   * null), by openid after `after`: a resumable walk (behaviour tagging, issue #12).
   */
  async holders(
    templateId: number,
    status: CouponStatus | null,
    after: string,
    limit: number,
    now: Date,
  ): Promise<string[]> {
    const { sql, params } = holderFilter(status, now);
    const rows = await this.db.query<{ openid: string }[]>(
      `SELECT DISTINCT openid FROM coupon
       WHERE template_id = ? AND ${sql} AND openid > ? ORDER BY openid LIMIT ?`,
      [templateId, ...params, after, limit],
    );
    return rows.map((r) => r.openid);
  }

  async countHolders(templateId: number, status: CouponStatus | null, now: Date): Promise<number> {
    const { sql, params } = holderFilter(status, now);
    const [row] = await this.db.query<{ n: string }[]>(
      `SELECT COUNT(DISTINCT openid) AS n FROM coupon WHERE template_id = ? AND ${sql}`,
      [templateId, ...params],
    );
    return Number(row.n);
  }

  /** Counts by the status a reader sees, for one template or (null) all of them. */
  async statusCounts(templateId: number | null, now: Date): Promise<StatusCounts> {
    const [c] = await this.db.query<
      { issued: string; redeemed: string | null; expired: string | null; revoked: string | null }[]
    >(
      `SELECT COUNT(*) AS issued,
              SUM(status = 'USED') AS redeemed,
              SUM(status = 'EXPIRED' OR (status = 'AVAILABLE' AND valid_to < ?)) AS expired,
              SUM(status = 'REVOKED') AS revoked
       FROM coupon ${templateId === null ? '' : 'WHERE template_id = ?'}`,
      templateId === null ? [now] : [now, templateId],
    );
    return {
      issued: Number(c.issued),
      redeemed: Number(c.redeemed ?? 0),
      expired: Number(c.expired ?? 0),
      revoked: Number(c.revoked ?? 0),
    };
  }

  /** Claims per whole UTC hour in [from, to), keyed by the hour's epoch ms (empty hours absent). */
  async claimsPerHour(templateId: number, from: Date, to: Date): Promise<Map<number, number>> {
    const rows = await this.db.query<{ h: Date; n: string }[]>(
      `SELECT TIMESTAMPADD(HOUR, TIMESTAMPDIFF(HOUR, '1970-01-01', claimed_at), '1970-01-01') AS h,
              COUNT(*) AS n
       FROM coupon WHERE template_id = ? AND claimed_at >= ? AND claimed_at < ?
       GROUP BY h`,
      [templateId, from, to],
    );
    return new Map(rows.map((r) => [new Date(r.h).getTime(), Number(r.n)]));
  }
}

/** The effective status as SQL: an AVAILABLE coupon past valid_to reads as EXPIRED. */
function holderFilter(status: CouponStatus | null, now: Date): { sql: string; params: unknown[] } {
  switch (status) {
    case null:
      return { sql: "status <> 'REVOKED'", params: [] };
    case CouponStatus.AVAILABLE:
      return { sql: "status = 'AVAILABLE' AND valid_to >= ?", params: [now] };
    case CouponStatus.EXPIRED:
      return {
        sql: "(status = 'EXPIRED' OR (status = 'AVAILABLE' AND valid_to < ?))",
        params: [now],
      };
    default:
      return { sql: 'status = ?', params: [status] };
  }
}
