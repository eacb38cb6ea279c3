import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CouponStatus } from '../entities/coupon.entity';

export enum RedemptionStatus {
  REDEEMED = 'REDEEMED',
  UNDONE = 'UNDONE',
}

/** One till request. UNIQUE(request_no) makes a retried request find its first answer. */
@Entity('coupon_redemption')
export class CouponRedemption {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  /** Case-sensitive (ascii_bin): `SAME-1` and `same-1` are different requests. */
  @Column({
    name: 'request_no',
    type: 'varchar',
    length: 64,
    charset: 'ascii',
    collation: 'ascii_bin',
  })
  requestNo: string;

  @Column({ name: 'coupon_id', type: 'bigint', unsigned: true })
  couponId: string;

  @Column({ type: 'char', length: 16 })
  code: string;

  @Column({ name: 'template_id', type: 'int', unsigned: true })
  templateId: number;

  @Column({ type: 'varchar', length: 16, default: RedemptionStatus.REDEEMED })
  status: RedemptionStatus;

  @Column({ name: 'order_amount_cents', type: 'int', unsigned: true })
  orderAmountCents: number;

  @Column({ name: 'discount_cents', type: 'int', unsigned: true })
  discountCents: number;

  @Column({ name: 'payable_cents', type: 'int', unsigned: true })
  payableCents: number;

  @Column({ name: 'store_id', type: 'varchar', length: 64, nullable: true })
  storeId: string | null;

  @Column({ name: 'order_id', type: 'varchar', length: 64, nullable: true })
  orderId: string | null;

  @Column({ name: 'redeemed_by', type: 'int', unsigned: true, nullable: true })
  redeemedBy: number | null;

  @Column({ name: 'redeemed_at', type: 'datetime', precision: 3 })
  redeemedAt: Date;

  @Column({ name: 'undone_by', type: 'int', unsigned: true, nullable: true })
  undoneBy: number | null;

  @Column({ name: 'undone_at', type: 'datetime', precision: 3, nullable: true })
  undoneAt: Date | null;

  /** What the coupon went back to (AVAILABLE, or EXPIRED when past validity), for undo replays. */
  @Column({ name: 'undone_to_status', type: 'varchar', length: 16, nullable: true })
  undoneToStatus: CouponStatus | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
