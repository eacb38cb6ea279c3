import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { fieldError } from '@app/core';
import type {
  CouponCounts,
  HourCount,
  OverviewStatsView,
  StatsRangeQuery,
  TemplateStatsView,
} from '../dto/stats.view';
import { CouponTemplate } from '../entities/coupon-template.entity';

const HOUR_MS = 3_600_000;
/** A claimsPerHour series longer than this (31 days) is refused rather than built. */
const MAX_HOURS = 24 * 31;

interface CountRow {
  issued: string;
  redeemed: string | null;
  expired: string | null;
  revoked: string | null;
}

/** Aggregates straight from MySQL (the source of truth); cheap enough with the coupon indexes. */
@Injectable()
export class CouponStatsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forTemplate(id: number, range: StatsRangeQuery): Promise<TemplateStatsView> {
    const template = await this.db.getRepository(CouponTemplate).findOneBy({ id });
    if (!template) throw new NotFoundException(`Coupon template ${id} not found`);
    const { from, to } = hourRange(range);
    const counts = await this.counts('WHERE c.template_id = ?', [id], template.totalQuantity);
    const rows = await this.db.query<{ h: Date; n: string }[]>(
      `SELECT TIMESTAMPADD(HOUR, TIMESTAMPDIFF(HOUR, '1970-01-01', claimed_at), '1970-01-01') AS h,
              COUNT(*) AS n
       FROM coupon WHERE template_id = ? AND claimed_at >= ? AND claimed_at < ?
       GROUP BY h`,
      [id, from, to],
    );
    const byHour = new Map(rows.map((r) => [new Date(r.h).getTime(), Number(r.n)]));
    const claimsPerHour: HourCount[] = [];
    for (let t = from.getTime(); t < to.getTime(); t += HOUR_MS) {
      claimsPerHour.push({ hour: new Date(t).toISOString(), count: byHour.get(t) ?? 0 });
    }
    return {
      templateId: id,
      totalQuantity: template.totalQuantity,
      ...counts,
      from: from.toISOString(),
      to: to.toISOString(),
      claimsPerHour,
    };
  }

  async overview(): Promise<OverviewStatsView> {
    const templates = await this.db.query<{ status: string; n: string; total: string }[]>(
      'SELECT status, COUNT(*) AS n, SUM(total_quantity) AS total FROM coupon_template GROUP BY status',
    );
    const stock = templates.reduce((s, r) => s + Number(r.total), 0);
    const counts = await this.counts('', [], stock);
    return {
      templates: templates.reduce((s, r) => s + Number(r.n), 0),
      templatesByStatus: Object.fromEntries(templates.map((r) => [r.status, Number(r.n)])),
      ...counts,
    };
  }

  private async counts(where: string, params: unknown[], stock: number): Promise<CouponCounts> {
    const now = new Date();
    const [c] = await this.db.query<CountRow[]>(
      `SELECT COUNT(*) AS issued,
              SUM(c.status = 'USED') AS redeemed,
              SUM(c.status = 'EXPIRED' OR (c.status = 'AVAILABLE' AND c.valid_to < ?)) AS expired,
              SUM(c.status = 'REVOKED') AS revoked
       FROM coupon c ${where}`,
      [now, ...params],
    );
    const [d] = await this.db.query<{ cents: string | null }[]>(
      `SELECT SUM(r.discount_cents) AS cents FROM coupon_redemption r
       WHERE r.status = 'REDEEMED' ${where ? 'AND r.template_id = ?' : ''}`,
      params,
    );
    const issued = Number(c.issued);
    const redeemed = Number(c.redeemed ?? 0);
    return {
      issued,
      remaining: Math.max(0, stock - issued),
      redeemed,
      expired: Number(c.expired ?? 0),
      revoked: Number(c.revoked ?? 0),
      redemptionRate: issued === 0 ? 0 : Math.round((redeemed / issued) * 10_000) / 10_000,
      discountGivenCents: Number(d.cents ?? 0),
    };
  }
}

/** [from, to) rounded out to whole UTC hours; defaults to the last 24 hours. */
function hourRange(q: StatsRangeQuery): { from: Date; to: Date } {
  const toMs = q.to ? Date.parse(q.to) : Date.now();
  const fromMs = q.from ? Date.parse(q.from) : toMs - 24 * HOUR_MS;
  const from = Math.floor(fromMs / HOUR_MS) * HOUR_MS;
  const to = Math.ceil(toMs / HOUR_MS) * HOUR_MS;
  if (to <= from) throw fieldError('to', 'to must be after from');
  if ((to - from) / HOUR_MS > MAX_HOURS) throw fieldError('from', 'range must be at most 31 days');
  return { from: new Date(from), to: new Date(to) };
}
