import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PiiCipher } from '@app/core';
import { Follower } from './follower.entity';
import { isMainlandMobile } from './phone';

/** AAD / HMAC domain of the phone column: a phone envelope is only valid in this column. */
const PHONE_CONTEXT = 'follower.phone';

export type PhoneBindingStatus = 'BOUND' | 'REPLACED' | 'UNCHANGED' | 'INVALID';

export interface PhoneBindingResult {
  status: PhoneBindingStatus;
  /** The bound number in full (the caller masks it before showing it anywhere). */
  phone?: string;
}

/** A follower with the phone decrypted: keep it in memory only, mask before display. */
export interface FollowerRecord {
  openid: string;
  phone: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Followers' phone numbers, encrypted with PiiCipher (random IV per value) and found by a blind
 * index, so neither the table nor its backups ever hold a number in the clear.
 */
@Injectable()
export class FollowerService {
  constructor(
    @InjectRepository(Follower) private readonly followers: Repository<Follower>,
    private readonly cipher: PiiCipher,
  ) {}

  /** Binds or rebinds (replaces) the follower's phone. Idempotent for the same number. */
  async bindPhone(openid: string, phone: string): Promise<PhoneBindingResult> {
    if (!isMainlandMobile(phone)) return { status: 'INVALID' };
    const index = this.phoneIndex(phone);
    const existing = await this.followers.findOne({
      where: { openid },
      select: { openid: true, phoneIndex: true },
    });
    if (existing?.phoneIndex === index) return { status: 'UNCHANGED', phone };
    await this.followers.query(
      `INSERT INTO follower (openid, phone_cipher, phone_index) VALUES (?, ?, ?)
       ON DUPLICATE KEY UPDATE phone_cipher = VALUES(phone_cipher), phone_index = VALUES(phone_index)`,
      [openid, this.cipher.encrypt(phone, PHONE_CONTEXT), index],
    );
    return { status: existing ? 'REPLACED' : 'BOUND', phone };
  }

  async findByOpenid(openid: string): Promise<FollowerRecord | null> {
    const row = await this.followers.findOneBy({ openid });
    return row ? this.decrypt(row) : null;
  }

  /** Every follower bound to this number (several WeChat accounts may share one). */
  async findByPhone(phone: string): Promise<FollowerRecord[]> {
    if (!isMainlandMobile(phone)) return [];
    const rows = await this.followers.find({
      where: { phoneIndex: this.phoneIndex(phone) },
      order: { createdAt: 'ASC', openid: 'ASC' },
      take: 100,
    });
    return rows.map((r) => this.decrypt(r));
  }

  private phoneIndex(phone: string): string {
    return this.cipher.blindIndex(phone, PHONE_CONTEXT);
  }

  private decrypt(row: Follower): FollowerRecord {
    return {
      openid: row.openid,
      phone: this.cipher.decrypt(row.phoneCipher, PHONE_CONTEXT),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}
