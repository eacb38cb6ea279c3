import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CouponTemplate } from '../entities/coupon-template.entity';
import { Coupon } from '../entities/coupon.entity';
import { NotFound } from '../refusals/coupon-refusals';
import { effectiveStatus } from './coupon-record';

const PAGE = 1000;
const HEADER = [
  'code',
  'openid',
  'status',
  'channel',
  'claimed_at',
  'valid_from',
  'valid_to',
  'redeemed_at',
  'redeem_request_no',
  'revoked_at',
  'revoke_reason',
];

/**
 * RFC 4180 field: quoted when it holds a comma, quote or line break. A leading = + - @ (or tab/CR)
 * gets a ' prefix so a spreadsheet never runs a cell as a formula (CSV injection).
 */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Streams one template's coupons as CSV, reading them in id-ordered pages (bounded memory). */
@Injectable()
export class CouponCsvExporter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Throws 404 up front (before any byte is sent) when the template does not exist. */
  async open(templateId: number): Promise<AsyncGenerator<string>> {
    const exists = await this.db.getRepository(CouponTemplate).existsBy({ id: templateId });
    if (!exists) throw new NotFound(`Coupon template ${templateId} not found`);
    return this.lines(templateId);
  }

  private async *lines(templateId: number): AsyncGenerator<string> {
    yield '\uFEFF' + HEADER.join(',') + '\r\n'; // BOM: Excel opens UTF-8 (Chinese) correctly
    const repo = this.db.getRepository(Coupon);
    let afterId = '0';
    for (;;) {
      const rows = await repo
        .createQueryBuilder('c')
        .where('c.template_id = :templateId AND c.id > :afterId', { templateId, afterId })
        .orderBy('c.id', 'ASC')
        .take(PAGE)
        .getMany();
      if (rows.length === 0) return;
      const now = new Date();
      yield rows.map((c) => toLine(c, now)).join('');
      afterId = rows[rows.length - 1].id;
      if (rows.length < PAGE) return;
    }
  }
}

function toLine(c: Coupon, now: Date): string {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return (
    [
      c.code,
      c.openid,
      effectiveStatus(c, now),
      c.channel,
      iso(c.claimedAt),
      iso(c.validFrom),
      iso(c.validTo),
      iso(c.redeemedAt),
      c.redeemRequestNo,
      iso(c.revokedAt),
      c.revokeReason,
    ]
      .map(csvField)
      .join(',') + '\r\n'
  );
}
