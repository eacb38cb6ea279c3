import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { Coupon, CouponStatus } from '../entities/coupon.entity';
import { CouponRedemption } from '../redemption/coupon-redemption.entity';
import { NotFound, RuleViolation } from '../refusals/coupon-refusals';
import {
  type CouponDetail,
  type CouponSearch,
  type CouponSearchPage,
  toCouponRecord,
} from './coupon-record';
import { CouponRepository } from './coupon.repository';
import { decodeCursor, encodeCursor } from './page-cursor';

/** A follower's usable coupon, for the 我的优惠券 reply. */
export interface HeldCoupon {
  code: string;
  templateName: string;
  validFrom: Date;
  validTo: Date;
}

/** Read side of coupons: admin search/detail and the follower's own list. */
@Injectable()
export class CouponQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly coupons: CouponRepository,
  ) {}

  /** Followers holding a coupon of the template (in `status`, as readers see it), by openid
   * after `after`; a walk that can resume where it stopped. */
  holders(
    templateId: number,
    status: CouponStatus | null,
    after: string,
    limit: number,
  ): Promise<string[]> {
    return this.coupons.holders(templateId, status, after, limit, new Date());
  }

  countHolders(templateId: number, status: CouponStatus | null): Promise<number> {
    return this.coupons.countHolders(templateId, status, new Date());
  }

  /** The coupon a claim request was granted, if its row exists (work that follows a grant uses
   * it to finish after a crash). */
  async byRequest(
    templateId: number,
    requestKey: string,
  ): Promise<{ code: string; openid: string } | null> {
    const row = await this.db.getRepository(Coupon).findOneBy({ templateId, requestKey });
    return row ? { code: row.code, openid: row.openid } : null;
  }

  async search(q: CouponSearch): Promise<CouponSearchPage> {
    if (q.claimedFrom && q.claimedTo && q.claimedTo.getTime() <= q.claimedFrom.getTime()) {
      throw RuleViolation.of('claimedTo', 'claimedTo must be after claimedFrom');
    }
    const now = new Date();
    const qb = this.db
      .getRepository(Coupon)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.template', 't')
      .orderBy('c.claimedAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      // ManyToOne join: one row per coupon, so a plain LIMIT is exact (no take() subquery).
      .limit(q.pageSize + 1);
    if (q.code) qb.andWhere('c.code = :code', { code: q.code });
    if (q.openid) qb.andWhere('c.openid = :openid', { openid: q.openid });
    if (q.templateId) qb.andWhere('c.template_id = :templateId', { templateId: q.templateId });
    if (q.status) whereEffectiveStatus(qb, q.status, now);
    if (q.claimedFrom) qb.andWhere('c.claimed_at >= :from', { from: q.claimedFrom });
    if (q.claimedTo) qb.andWhere('c.claimed_at < :to', { to: q.claimedTo });
    if (q.cursor) {
      const after = decodeCursor(q.cursor);
      qb.andWhere('(c.claimed_at < :at OR (c.claimed_at = :at AND c.id < :afterId))', {
        at: after.claimedAt,
        afterId: after.id,
      });
    }
    const rows = await qb.getMany();
    const page = rows.slice(0, q.pageSize);
    const last = page[page.length - 1];
    return {
      items: page.map((c) => toCouponRecord(c, now)),
      nextCursor:
        rows.length > q.pageSize ? encodeCursor({ claimedAt: last.claimedAt, id: last.id }) : null,
    };
  }

  async detail(code: string): Promise<CouponDetail> {
    const coupon = await this.db
      .getRepository(Coupon)
      .findOne({ where: { code }, relations: { template: true } });
    if (!coupon) throw new NotFound(`Coupon ${code} not found`);
    const redemptions = await this.db
      .getRepository(CouponRedemption)
      .find({ where: { couponId: coupon.id }, order: { id: 'ASC' } });
    return { ...toCouponRecord(coupon), redemptions };
  }

  /** AVAILABLE and not past validity (whether or not the expiry job ran), soonest to expire first. */
  async heldBy(openid: string, limit = 10): Promise<{ coupons: HeldCoupon[]; total: number }> {
    const { rows, total } = await this.coupons.heldBy(openid, new Date(), limit);
    return { coupons: rows, total };
  }
}

/** Filters on the status a reader sees (see effectiveStatus), not only the stored one. */
function whereEffectiveStatus(
  qb: SelectQueryBuilder<Coupon>,
  status: CouponStatus,
  now: Date,
): void {
  if (status === CouponStatus.AVAILABLE) {
    qb.andWhere("c.status = 'AVAILABLE' AND c.valid_to >= :now", { now });
  } else if (status === CouponStatus.EXPIRED) {
    qb.andWhere("(c.status = 'EXPIRED' OR (c.status = 'AVAILABLE' AND c.valid_to < :now))", {
      now,
    });
  } else {
    qb.andWhere('c.status = :status', { status });
  }
}
