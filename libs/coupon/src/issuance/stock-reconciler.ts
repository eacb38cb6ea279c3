import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicWork, REDIS_CLIENT, type RedisClient } from '@app/core';
import { couponConfig, type CouponConfig } from '../coupon.settings';
import { ISSUANCE_SCRIPTS } from './issuance.constants';
import type { IssuanceScripts } from './issuance-scripts';
import { followerCountTarget, MissingSince, missingSeqs } from './reconcile-rules';
import { templateKeys } from './template-keys';

/** Followers compared with MySQL per round trip. */
const FOLLOWER_CHUNK = 500;

/**
 * Gives back what Redis handed out but MySQL never received: e.g. a Redis command timed out
 * after the claim script had run, or the process died between the script and the INSERT.
 * - the stock slot: without this it stays taken until the template is rebuilt, and the campaign
 *   issues less than its stock;
 * - the follower's per-user count: without this the follower is told "already claimed" while
 *   holding no coupon (issue #10, item 15).
 * Either is given back only once it has stayed missing from MySQL for the grace period
 * (`STOCK_RECONCILE_GRACE_SECONDS`, across passes). If the row lands later anyway, the unique
 * keys on stock_seq / user_seq refuse the duplicate and the claim path catches up, so this can
 * never cause an oversell or a follower beyond the limit: MySQL proves both.
 */
@Injectable()
export class StockReconciler implements OnApplicationBootstrap {
  private readonly logger = new Logger(StockReconciler.name);
  /** template id -> missing stock seqs. */
  private readonly slots = new Map<number, MissingSince<number>>();
  /** template id -> followers whose count exceeds their rows (value: the count seen). */
  private readonly followers = new Map<number, MissingSince<string>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(ISSUANCE_SCRIPTS) private readonly scripts: IssuanceScripts,
    @Inject(couponConfig.KEY) private readonly cfg: CouponConfig,
    private readonly periodic: PeriodicWork,
  ) {}

  get graceMs(): number {
    return this.cfg.stockReconcileGraceSeconds * 1000;
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

  /** One pass over the templates that can still issue. Returns the stock seqs given back. */
  async reconcileAll(now: number): Promise<number> {
    const live = await this.db.query<{ id: number }[]>(
      "SELECT id FROM coupon_template WHERE status IN ('ACTIVE', 'PAUSED')",
    );
    let released = 0;
    for (const { id } of live) released += await this.reconcile(id, now);
    return released;
  }

  /** One pass over one template: stock slots, then (when a slot went missing) followers'
   * counts. Returns the stock seqs given back. */
  async reconcile(templateId: number, now: number): Promise<number> {
    const { released, gaps } = await this.reconcileSlots(templateId, now);
    // A lost grant always leaves a stock gap, so followers are only compared with MySQL while
    // there is one, or while earlier suspects wait for their grace period to end.
    if (gaps || (this.followers.get(templateId)?.size ?? 0) > 0) {
      await this.reconcileFollowers(templateId, now);
    }
    return released;
  }

  private async reconcileSlots(
    templateId: number,
    now: number,
  ): Promise<{ released: number; gaps: boolean }> {
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
    // Fast path: every slot Redis handed out is either a row or already free. A free seq beyond
    // `issued` (only a lying gate holds one) must not hide a missing one.
    const freeBelow = free.filter((seq) => Number(seq) <= issued).length;
    if (Number(n) + freeBelow >= issued) {
      this.slots.delete(templateId);
      return { released: 0, gaps: false };
    }
    const rows = await this.db.query<{ s: number }[]>(
      'SELECT stock_seq AS s FROM coupon WHERE template_id = ? AND stock_seq <= ?',
      [templateId, issued],
    );
    const taken = new Set([...rows.map((r) => r.s), ...free.map(Number)]);
    const missing = new Map(missingSeqs(issued, taken).map((seq) => [seq, 0]));
    const tracker = this.slots.get(templateId) ?? new MissingSince<number>();
    this.slots.set(templateId, tracker);
    const giveBack = tracker.pass(missing, now, this.graceMs);
    if (giveBack.length > 0) {
      await this.redis.sadd(keys.free, ...giveBack);
      this.logger.warn(`template ${templateId}: gave back ${giveBack.length} lost stock slot(s)`);
    }
    // rows + free < issued here, so at least one seq is missing.
    return { released: giveBack.length, gaps: true };
  }

  /** Compares every follower's count in Redis with their rows in MySQL (chunked HSCAN) and
   * lowers counts that stayed ahead of MySQL for the grace period. Returns how many. */
  async reconcileFollowers(templateId: number, now: number): Promise<number> {
    const keys = templateKeys(templateId);
    const ahead = new Map<string, number>();
    const targets = new Map<string, number>();
    let cursor = '0';
    do {
      const [nextCursor, flat] = await this.redis.hscan(
        keys.users,
        cursor,
        'COUNT',
        FOLLOWER_CHUNK,
      );
      cursor = nextCursor;
      const counts = new Map<string, number>();
      for (let i = 0; i < flat.length; i += 2) {
        const count = Number(flat[i + 1]);
        if (count > 0 && !ahead.has(flat[i])) counts.set(flat[i], count);
      }
      if (counts.size === 0) continue;
      const held = await this.heldSeqs(templateId, [...counts.keys()]);
      for (const [openid, count] of counts) {
        const target = followerCountTarget(count, held.get(openid) ?? new Set());
        if (target === null) continue;
        ahead.set(openid, count);
        targets.set(openid, target);
      }
    } while (cursor !== '0');

    const tracker = this.followers.get(templateId) ?? new MissingSince<string>();
    this.followers.set(templateId, tracker);
    let given = 0;
    for (const openid of tracker.pass(ahead, now, this.graceMs)) {
      const seen = ahead.get(openid) as number;
      const to = targets.get(openid) as number;
      given += await this.scripts.giveBackCount(keys.users, openid, seen, to);
    }
    if (given > 0) {
      this.logger.warn(
        `template ${templateId}: gave back ${given} follower count(s) of lost claims`,
      );
    }
    return given;
  }

  /** openid -> user seqs MySQL holds for them on this template. */
  private async heldSeqs(templateId: number, openids: string[]): Promise<Map<string, Set<number>>> {
    const rows = await this.db.query<{ openid: string; s: number }[]>(
      `SELECT openid, user_seq AS s FROM coupon
       WHERE template_id = ? AND openid IN (${openids.map(() => '?').join(',')})`,
      [templateId, ...openids],
    );
    const held = new Map<string, Set<number>>();
    for (const r of rows) {
      const set = held.get(r.openid) ?? new Set<number>();
      set.add(Number(r.s));
      held.set(r.openid, set);
    }
    return held;
  }
}
