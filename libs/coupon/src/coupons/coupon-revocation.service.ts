import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditRecorder } from '@app/core';
import { Coupon, CouponStatus } from '../entities/coupon.entity';
import { NotFound, StateConflict } from '../refusals/coupon-refusals';
import { type CouponRecord, toCouponRecord } from './coupon-record';

/** Withdraws an unused coupon (AVAILABLE -> REVOKED, compare-and-set) and keeps the reason. */
@Injectable()
export class CouponRevocationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditRecorder,
  ) {}

  async revoke(code: string, reason: string, actorId: number): Promise<CouponRecord> {
    const repo = this.db.getRepository(Coupon);
    const res = await repo.update(
      { code, status: CouponStatus.AVAILABLE },
      { status: CouponStatus.REVOKED, revokedAt: new Date(), revokeReason: reason },
    );
    const coupon = await repo.findOne({ where: { code }, relations: { template: true } });
    if (!coupon) throw new NotFound(`Coupon ${code} not found`);
    if ((res.affected ?? 0) === 0) {
      throw new StateConflict(`Only an AVAILABLE coupon can be revoked; it is ${coupon.status}`);
    }
    this.audit.record({
      kind: 'REVOKE',
      outcome: 'REVOKED',
      templateId: coupon.templateId,
      openid: coupon.openid,
      couponCode: coupon.code,
      channel: 'ADMIN',
      detail: { adminUserId: actorId, reason },
    });
    return toCouponRecord(coupon);
  }
}
