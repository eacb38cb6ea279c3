import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CouponRepository } from '../coupons/coupon.repository';
import { CouponTemplate } from '../entities/coupon-template.entity';
import { NotFound, RuleViolation } from '../refusals/coupon-refusals';
import type {
  CouponCounts,
  HourCount,
  OverviewStats,
  StatsRange,
  TemplateStats,
} from './coupon-stats';

const HOUR_MS = 3_600_000;
/** A claimsPerHour series longer than this (31 days) is refused rather than built. */
const MAX_HOURS = 24 * 31;

/** Aggregates straight from MySQL (the source of truth); cheap enough with the coupon indexes. */
@Injectable()
export class CouponStatsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly coupons: CouponRepository,
  ) {}

  async forTemplate(id: number, range: StatsRange): Promise<TemplateStats> {
    const template = await this.db.getRepository(CouponTemplate).findOneBy({ id });
    if (!template) throw new NotFound(`Coupon template ${id} not found`);
    const { from, to } = hourRange(range);
    const counts = await this.counts(id, template.totalQuantity);
    const byHour = await this.coupons.claimsPerHour(id, from, to);
    const claimsPerHour: HourCount[] = [];
    for (let t = from.getTime(); t < to.getTime(); t += HOUR_MS) {
      claimsPerHour.push({ hour: new Date(t), count: byHour.get(t) ?? 0 });
    }
    return {
      templateId: id,
      totalQuantity: template.totalQuantity,
      ...counts,
      from,
      to,
      claimsPerHour,
    };
  }

  async overview(): Promise<OverviewStats> {
    const templates = await this.db.query<{ status: string; n: string; total: string }[]>(
      'SELECT status, COUNT(*) AS n, SUM(total_quantity) AS total FROM coupon_template GROUP BY status',
    );
    const stock = templates.reduce((s, r) => s + Number(r.total), 0);
    const counts = await this.counts(null, stock);
    return {
      templates: templates.reduce((s, r) => s + Number(r.n), 0),
      templatesByStatus: Object.fromEntries(templates.map((r) => [r.status, Number(r.n)])),
      ...counts,
    };
  }

  /** For one template, or (null) all of them. */
  private async counts(templateId: number | null, stock: number): Promise<CouponCounts> {
    const c = await this.coupons.statusCounts(templateId, new Date());
    const [d] = await this.db.query<{ cents: string | null }[]>(
      `SELECT SUM(r.discount_cents) AS cents FROM coupon_redemption r
       WHERE r.status = 'REDEEMED' ${templateId === null ? '' : 'AND r.template_id = ?'}`,
      templateId === null ? [] : [templateId],
    );
    const { issued, redeemed } = c;
    return {
      issued,
      remaining: Math.max(0, stock - issued),
      redeemed,
      expired: c.expired,
      revoked: c.revoked,
      redemptionRate: issued === 0 ? 0 : Math.round((redeemed / issued) * 10_000) / 10_000,
      discountGivenCents: Number(d.cents ?? 0),
    };
  }
}

/** [from, to) rounded out to whole UTC hours; defaults to the last 24 hours. */
function hourRange(q: StatsRange): { from: Date; to: Date } {
  const toMs = q.to ? q.to.getTime() : Date.now();
  const fromMs = q.from ? q.from.getTime() : toMs - 24 * HOUR_MS;
  const from = Math.floor(fromMs / HOUR_MS) * HOUR_MS;
  const to = Math.ceil(toMs / HOUR_MS) * HOUR_MS;
  if (to <= from) throw RuleViolation.of('to', 'to must be after from');
  if ((to - from) / HOUR_MS > MAX_HOURS)
    throw RuleViolation.of('from', 'range must be at most 31 days');
  return { from: new Date(from), to: new Date(to) };
}
