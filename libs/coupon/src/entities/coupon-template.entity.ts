import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export enum TemplateStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  ENDED = 'ENDED',
}

export enum DiscountType {
  AMOUNT = 'AMOUNT',
  PERCENT = 'PERCENT',
}

export enum ValidityType {
  FIXED = 'FIXED',
  RELATIVE = 'RELATIVE',
}

/** Nullable integer columns come back from mysql2 as numbers; keep them `number | null`. */
@Entity('coupon_template')
export class CouponTemplate {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 512, nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16, default: TemplateStatus.DRAFT })
  status: TemplateStatus;

  @Column({ name: 'discount_type', type: 'varchar', length: 16 })
  discountType: DiscountType;

  @Column({ name: 'amount_cents', type: 'int', unsigned: true, nullable: true })
  amountCents: number | null;

  @Column({ name: 'percent_off', type: 'tinyint', unsigned: true, nullable: true })
  percentOff: number | null;

  @Column({ name: 'max_discount_cents', type: 'int', unsigned: true, nullable: true })
  maxDiscountCents: number | null;

  @Column({ name: 'threshold_cents', type: 'int', unsigned: true, default: 0 })
  thresholdCents: number;

  @Column({ name: 'total_quantity', type: 'int', unsigned: true })
  totalQuantity: number;

  @Column({ name: 'per_user_limit', type: 'int', unsigned: true, default: 1 })
  perUserLimit: number;

  /** Claims per China calendar day (null = no cap); enforced by the Redis claim gate. */
  @Column({ name: 'daily_limit', type: 'int', unsigned: true, nullable: true })
  dailyLimit: number | null;

  /** ISO weekdays (1 = Monday ... 7 = Sunday, China time) the coupon may be redeemed; null = any. */
  @Column({
    name: 'usable_weekdays',
    type: 'varchar',
    length: 16,
    nullable: true,
    transformer: {
      to: (v?: number[] | null) => (v?.length ? v.join(',') : null),
      from: (v: string | null) => (v ? v.split(',').map(Number) : null),
    },
  })
  usableWeekdays: number[] | null;

  /** Daily redemption window "HH:mm" China time (both set or both null; end exclusive). */
  @Column({ name: 'usable_time_start', type: 'char', length: 5, nullable: true })
  usableTimeStart: string | null;

  @Column({ name: 'usable_time_end', type: 'char', length: 5, nullable: true })
  usableTimeEnd: string | null;

  @Column({ name: 'claim_starts_at', type: 'datetime', precision: 3 })
  claimStartsAt: Date;

  @Column({ name: 'claim_ends_at', type: 'datetime', precision: 3 })
  claimEndsAt: Date;

  @Column({ name: 'validity_type', type: 'varchar', length: 16 })
  validityType: ValidityType;

  @Column({ name: 'valid_from', type: 'datetime', precision: 3, nullable: true })
  validFrom: Date | null;

  @Column({ name: 'valid_to', type: 'datetime', precision: 3, nullable: true })
  validTo: Date | null;

  @Column({ name: 'valid_days', type: 'int', unsigned: true, nullable: true })
  validDays: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  keyword: string | null;

  @Column({ name: 'menu_key', type: 'varchar', length: 128, nullable: true })
  menuKey: string | null;

  /** Granted on `subscribe` (at most one live welcome template: uq_template_live_welcome). */
  @Column({ name: 'is_welcome', type: 'boolean', default: false })
  welcome: boolean;

  /** Only this audience's members may claim (null: every follower). Checked by the claim script. */
  @Column({ name: 'audience_id', type: 'int', unsigned: true, nullable: true })
  audienceId: number | null;

  @Column({ type: 'int', unsigned: true, default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
