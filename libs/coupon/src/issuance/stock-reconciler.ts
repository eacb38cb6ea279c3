import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  couponConfig,
  type CouponConfig,
  PeriodicWork,
  REDIS_CLIENT,
  type RedisClient,
} from '@app/core';
import { templateKeys } from './template-keys';

/** A gap must outlive any claim still writing its row (reply deadline + retries) to count. */
const MIN_GRACE_MS = 30_000;

/**
 * Gives back stock slots that Redis handed out but whose coupon row never reached MySQL: e.g. a
 * Redis command timed out after the claim script had run, or the process died between the script
 * and the INSERT. Without this the slot stays taken until the template is rebuilt, and the
 * campaign ends up issuing less than its stock. A seq is given back (added to the free set) only
 * when it has been missing from MySQL in two passes at least a grace period apart; if its row
 * lands later anyway, the unique key on stock_seq refuses the duplicate and the claim path
 * catches up, so this can never cause an oversell.
 */
@Injectable()
export class StockReconciler implements OnApplicationBootstrap {
  private readonly logger = new Logger(StockReconciler.name);
  /** template id -> seq -> when it was first seen missing. */
  private readonly suspects = new Map<number, Map<number, number>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(couponConfig.KEY) private readonly cfg: CouponConfig,
    private readonly periodic: PeriodicWork,
  ) {}

  get graceMs(): number {
    return Math.max(MIN_GRACE_MS, this.cfg.stockReconcileIntervalSeconds * 1000);
  }

  /** Every STOCK_RECONCILE_INTERVAL_SECONDS (0 = off); instances take turns, never overlap. */
  onApplicationBootstrap(): void {
    this.periodic.every(
      'stock-reconcile',
      this.cfg.stockReconcileIntervalSeconds,
      () => this.reconcileAll(Date.now()),
      { acrossInstances: 'one-at-a-time' },
    );
  }

  /** One pass over the templates that can still issue. Returns the seqs given back. */
  async reconcileAll(now: number): Promise<number> {
    const live = await this.db.query<{ id: number }[]>(
      "SELECT id FROM coupon_template WHERE status IN ('ACTIVE', 'PAUSED')",
    );
    let released = 0;
    for (const { id } of live) released += await this.reconcile(id, now);
    return released;
  }

  async reconcile(templateId: number, now: number): Promise<number> {
    const keys = templateKeys(templateId);
    const [issuedRaw, free] = await Promise.all([
      this.redis.get(keys.issued),
      this.redis.smembers(keys.free),
    ]);
    const issued = Number(issuedRaw ?? 0);
    const [{ n }] = await this.db.query<{ n: string }[]>(
      'SELECT COUNT(*) AS n FROM coupon WHERE template_id = ? AND stock_seq <= ?',
      [templateId, issued],
    );
    // Fast path: every slot Redis handed out is either a row or already free.
    if (Number(n) + free.length >= issued) {
      this.suspects.delete(templateId);
      return 0;
    }
    const rows = await this.db.query<{ s: number }[]>(
      'SELECT stock_seq AS s FROM coupon WHERE template_id = ? AND stock_seq <= ?',
      [templateId, issued],
    );
    const taken = new Set([...rows.map((r) => r.s), ...free.map(Number)]);
    const seen = this.suspects.get(templateId) ?? new Map<number, number>();
    const next = new Map<number, number>();
    const giveBack: number[] = [];
    for (let seq = 1; seq <= issued; seq++) {
      if (taken.has(seq)) continue;
      const since = seen.get(seq) ?? now;
      if (now - since >= this.graceMs) giveBack.push(seq);
      else next.set(seq, since);
    }
    this.suspects.set(templateId, next);
    if (giveBack.length > 0) {
      await this.redis.sadd(keys.free, ...giveBack);
      this.logger.warn(`template ${templateId}: gave back ${giveBack.length} lost stock slot(s)`);
    }
    return giveBack.length;
  }
}
