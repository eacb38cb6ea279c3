import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CouponTemplate } from './coupon-template.entity';

export enum CouponStatus {
  AVAILABLE = 'AVAILABLE',
  USED = 'USED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

export enum ClaimChannel {
  KEYWORD = 'KEYWORD',
  MENU = 'MENU',
  SUBSCRIBE = 'SUBSCRIBE',
  ADMIN = 'ADMIN',
  /** A friend's claim through a share link (fission). */
  SHARE = 'SHARE',
  /** A sharer's reward for enough invited friends (fission). */
  REWARD = 'REWARD',
}

@Entity('coupon')
export class Coupon {
  /** BIGINT: mysql2 returns it as a string to stay exact. */
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: string;

  @Column({ type: 'char', length: 16 })
  code: string;

  @Column({ name: 'template_id', type: 'int', unsigned: true })
  templateId: number;

  @ManyToOne(() => CouponTemplate, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'template_id' })
  template?: CouponTemplate;

  @Column({ length: 64 })
  openid: string;

  @Column({ name: 'stock_seq', type: 'int', unsigned: true })
  stockSeq: number;

  @Column({ name: 'user_seq', type: 'int', unsigned: true })
  userSeq: number;

  @Column({ name: 'request_key', length: 128 })
  requestKey: string;

  @Column({ type: 'varchar', length: 16 })
  channel: ClaimChannel;

  @Column({ type: 'varchar', length: 16, default: CouponStatus.AVAILABLE })
  status: CouponStatus;

  @Column({ name: 'valid_from', type: 'datetime', precision: 3 })
  validFrom: Date;

  @Column({ name: 'valid_to', type: 'datetime', precision: 3 })
  validTo: Date;

  @Column({ name: 'claimed_at', type: 'datetime', precision: 3 })
  claimedAt: Date;

  @Column({ name: 'redeemed_at', type: 'datetime', precision: 3, nullable: true })
  redeemedAt: Date | null;

  @Column({ name: 'redeem_request_no', type: 'varchar', length: 64, nullable: true })
  redeemRequestNo: string | null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 255, nullable: true })
  revokeReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
