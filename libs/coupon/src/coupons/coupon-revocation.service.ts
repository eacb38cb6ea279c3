import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditRecorder } from '@app/core';
import { CouponView } from '../dto/coupon.view';
import { Coupon, CouponStatus } from '../entities/coupon.entity';

/** Withdraws an unused coupon (AVAILABLE -> REVOKED, compare-and-set) and keeps the reason. */
@Injectable()
export class CouponRevocationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditRecorder,
  ) {}

  async revoke(code: string, reason: string, actorId: number): Promise<CouponView> {
    const repo = this.db.getRepository(Coupon);
    const res = await repo.update(
      { code, status: CouponStatus.AVAILABLE },
      { status: CouponStatus.REVOKED, revokedAt: new Date(), revokeReason: reason },
    );
    const coupon = await repo.findOne({ where: { code }, relations: { template: true } });
    if (!coupon) throw new NotFoundException(`Coupon ${code} not found`);
    if ((res.affected ?? 0) === 0) {
      throw new ConflictException(
        `Only an AVAILABLE coupon can be revoked; it is ${coupon.status}`,
      );
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
    return CouponView.from(coupon);
  }
}
