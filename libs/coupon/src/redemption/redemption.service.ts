import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditRecorder, duplicateKeyOf } from '@app/core';
import { couponConfig, type CouponConfig } from '../coupon.settings';
import { Coupon, CouponStatus } from '../entities/coupon.entity';
import { CouponRefusal, NotFound, RedeemRefusal, StateConflict } from '../refusals/coupon-refusals';
import { CouponRedemption, RedemptionStatus } from './coupon-redemption.entity';
import { assertRedeemable, discountFor } from './usage-rules';

interface Affected {
  affectedRows: number;
}

/** A till's redemption request; `requestNo` is its idempotency key. */
export interface RedeemInput {
  requestNo: string;
  orderAmountCents: number;
  storeId?: string;
  orderId?: string;
}

export interface RedemptionResult {
  code: string;
  status: CouponStatus.USED;
  orderAmountCents: number;
  discountCents: number;
  payableCents: number;
  redeemedAt: Date;
  requestNo: string;
}

export interface UndoResult {
  code: string;
  /** AVAILABLE again, or EXPIRED when already past its validity. */
  status: CouponStatus;
  undoneAt: Date;
  requestNo: string;
}

/** What redeeming would do for this order now, without doing it. */
export interface RedemptionQuote {
  code: string;
  templateId: number;
  templateName: string;
  thresholdCents: number;
  orderAmountCents: number;
  /** Whether the coupon may be used on this order right now. */
  usable: boolean;
  /** Why not (the refusal redeeming would answer), when not usable. */
  refusal: { reason: RedeemRefusal; message: string } | null;
  discountCents: number;
  payableCents: number;
}

/**
 * 核销: the till's request is idempotent by requestNo (UNIQUE in coupon_redemption), the coupon
 * flips AVAILABLE -> USED by compare-and-set in the same transaction, so of many concurrent
 * attempts on one code exactly one wins and a retry always finds its first answer.
 */
@Injectable()
export class RedemptionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(couponConfig.KEY) private readonly cfg: CouponConfig,
    private readonly audit: AuditRecorder,
  ) {}

  async redeem(code: string, input: RedeemInput, actorId: number): Promise<RedemptionResult> {
    const prior = await this.byRequestNo(input.requestNo);
    if (prior) return replayRedeem(prior, code, input);

    const coupon = await this.db
      .getRepository(Coupon)
      .findOne({ where: { code }, relations: { template: true } });
    if (!coupon?.template) throw new NotFound(`Coupon ${code} not found`);
    const now = new Date();
    try {
      assertRedeemable(coupon, coupon.template, input.orderAmountCents, now);
    } catch (err) {
      // A concurrent request with this requestNo (the till's own retry) may have used the coupon
      // between our two reads: that is not a refusal but our redemption; answer as it did.
      const winner = await this.byRequestNo(input.requestNo);
      if (winner) return replayRedeem(winner, code, input);
      this.record('REDEEM', 'REJECTED', coupon, input.requestNo, actorId, { error: String(err) });
      throw err;
    }
    const discountCents = discountFor(coupon.template, input.orderAmountCents);
    let saved: CouponRedemption | null;
    try {
      saved = await this.db.transaction(async (m) => {
        // Re-checks validity in the WHERE: the row, not an earlier read, decides.
        const res = await m.query<Affected>(
          `UPDATE coupon SET status = 'USED', redeemed_at = ?, redeem_request_no = ?
           WHERE id = ? AND status = 'AVAILABLE' AND valid_from <= ? AND valid_to >= ?`,
          [now, input.requestNo, coupon.id, now, now],
        );
        if (res.affectedRows !== 1) return null;
        return m.save(
          m.create(CouponRedemption, {
            requestNo: input.requestNo,
            couponId: coupon.id,
            code: coupon.code,
            templateId: coupon.templateId,
            status: RedemptionStatus.REDEEMED,
            orderAmountCents: input.orderAmountCents,
            discountCents,
            payableCents: input.orderAmountCents - discountCents,
            storeId: input.storeId ?? null,
            orderId: input.orderId ?? null,
            redeemedBy: actorId,
            redeemedAt: now,
          }),
        );
      });
    } catch (err) {
      if (duplicateKeyOf(err) !== 'uq_redemption_request_no') throw err;
      saved = null; // the same requestNo won on another connection: answer as it did
    }
    if (!saved) {
      const winner = await this.byRequestNo(input.requestNo);
      if (winner) return replayRedeem(winner, code, input);
      const fresh = await this.db.getRepository(Coupon).findOneByOrFail({ id: coupon.id });
      assertRedeemable(fresh, coupon.template, input.orderAmountCents, new Date());
      throw new StateConflict(`Coupon ${code} changed concurrently; retry`);
    }
    this.record('REDEEM', 'REDEEMED', coupon, input.requestNo, actorId, {
      orderAmountCents: input.orderAmountCents,
      discountCents,
      storeId: input.storeId,
    });
    return redemptionResult(saved);
  }

  /** The same checks and discount as redeem(), read-only: the till shows them before it redeems. */
  async quote(code: string, orderAmountCents: number, now = new Date()): Promise<RedemptionQuote> {
    const coupon = await this.db
      .getRepository(Coupon)
      .findOne({ where: { code }, relations: { template: true } });
    if (!coupon?.template) throw new NotFound(`Coupon ${code} not found`);
    const t = coupon.template;
    const base = {
      code: coupon.code,
      templateId: t.id,
      templateName: t.name,
      thresholdCents: t.thresholdCents,
      orderAmountCents,
    };
    try {
      assertRedeemable(coupon, t, orderAmountCents, now);
    } catch (err) {
      if (!(err instanceof CouponRefusal)) throw err;
      const refusal = { reason: err.reason, message: err.message };
      return { ...base, usable: false, refusal, discountCents: 0, payableCents: orderAmountCents };
    }
    const discountCents = discountFor(t, orderAmountCents);
    return {
      ...base,
      usable: true,
      refusal: null,
      discountCents,
      payableCents: orderAmountCents - discountCents,
    };
  }

  /** Back to AVAILABLE (or EXPIRED when past validity) within the undo window; idempotent. */
  async undo(code: string, requestNo: string, actorId: number): Promise<UndoResult> {
    const r = await this.byRequestNo(requestNo);
    if (!r || r.code !== code) {
      throw new NotFound(`No redemption ${requestNo} for coupon ${code}`);
    }
    if (r.status === RedemptionStatus.UNDONE) return undoResult(r);
    const now = new Date();
    const deadline = r.redeemedAt.getTime() + this.cfg.redemptionUndoWindowMinutes * 60_000;
    if (now.getTime() > deadline) {
      throw new CouponRefusal(
        RedeemRefusal.UNDO_WINDOW_PASSED,
        `Redemption ${requestNo} is older than ${this.cfg.redemptionUndoWindowMinutes} minutes and can no longer be undone`,
      );
    }
    const coupon = await this.db.getRepository(Coupon).findOneByOrFail({ id: r.couponId });
    const to =
      coupon.validTo.getTime() < now.getTime() ? CouponStatus.EXPIRED : CouponStatus.AVAILABLE;
    const done = await this.db.transaction((m) => this.applyUndo(m, r, to, now, actorId));
    const fresh = await this.byRequestNo(requestNo);
    if (!done) {
      if (fresh?.status === RedemptionStatus.UNDONE) return undoResult(fresh);
      throw new StateConflict(`Redemption ${requestNo} changed concurrently; retry`);
    }
    this.record('REDEEM_UNDO', to, coupon, requestNo, actorId, {});
    return undoResult(fresh ?? r);
  }

  private async applyUndo(
    m: EntityManager,
    r: CouponRedemption,
    to: CouponStatus,
    now: Date,
    actorId: number,
  ): Promise<boolean> {
    const res = await m.query<Affected>(
      `UPDATE coupon_redemption SET status = 'UNDONE', undone_at = ?, undone_by = ?, undone_to_status = ?
       WHERE id = ? AND status = 'REDEEMED'`,
      [now, actorId, to, r.id],
    );
    if (res.affectedRows !== 1) return false;
    const back = await m.query<Affected>(
      `UPDATE coupon SET status = ?, redeemed_at = NULL, redeem_request_no = NULL
       WHERE id = ? AND status = 'USED' AND redeem_request_no = ?`,
      [to, r.couponId, r.requestNo],
    );
    if (back.affectedRows !== 1) throw new StateConflict(`Coupon ${r.code} is no longer USED`);
    return true;
  }

  private byRequestNo(requestNo: string): Promise<CouponRedemption | null> {
    return this.db.getRepository(CouponRedemption).findOneBy({ requestNo });
  }

  private record(
    kind: 'REDEEM' | 'REDEEM_UNDO',
    outcome: string,
    coupon: Coupon,
    requestKey: string,
    actorId: number,
    detail: Record<string, unknown>,
  ): void {
    this.audit.record({
      kind,
      outcome,
      templateId: coupon.templateId,
      openid: coupon.openid,
      couponCode: coupon.code,
      requestKey,
      channel: 'ADMIN',
      detail: { adminUserId: actorId, ...detail },
    });
  }
}

/** A retried requestNo: the first answer if it is the same request, else a 409. */
function replayRedeem(prior: CouponRedemption, code: string, input: RedeemInput): RedemptionResult {
  if (prior.code !== code || prior.orderAmountCents !== input.orderAmountCents) {
    throw new CouponRefusal(
      RedeemRefusal.REQUEST_NO_REUSED,
      `requestNo ${input.requestNo} was already used for a different coupon or amount`,
    );
  }
  if (prior.status === RedemptionStatus.UNDONE) {
    throw new CouponRefusal(
      RedeemRefusal.REDEMPTION_UNDONE,
      `Redemption ${input.requestNo} was undone; use a new requestNo to redeem again`,
    );
  }
  return redemptionResult(prior);
}

function redemptionResult(r: CouponRedemption): RedemptionResult {
  return {
    code: r.code,
    status: CouponStatus.USED,
    orderAmountCents: r.orderAmountCents,
    discountCents: r.discountCents,
    payableCents: r.payableCents,
    redeemedAt: r.redeemedAt,
    requestNo: r.requestNo,
  };
}

function undoResult(r: CouponRedemption): UndoResult {
  return {
    code: r.code,
    status: r.undoneToStatus ?? CouponStatus.AVAILABLE,
    undoneAt: r.undoneAt ?? new Date(),
    requestNo: r.requestNo,
  };
}
