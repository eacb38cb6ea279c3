import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A follower's personal data; the phone exists here only encrypted (see FollowerService). */
@Entity('follower')
export class Follower {
  @PrimaryColumn({ length: 64 })
  openid: string;

  /** AES-256-GCM envelope `v1:<kid>:<iv>:<tag>:<ct>`; never the number itself. */
  @Column({ name: 'phone_cipher', length: 255 })
  phoneCipher: string;

  /** HMAC-SHA256 blind index (hex) of the normalized number, for lookups by phone. */
  @Index('idx_follower_phone_index')
  @Column({ name: 'phone_index', type: 'char', length: 64 })
  phoneIndex: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
