import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { REDIS_CLIENT, type RedisClient, RedisLock } from '@app/core';
import { AudienceGate } from '../audiences/audience-gate';
import { CouponRepository } from '../coupons/coupon.repository';
import { CouponTemplate, TemplateStatus } from '../entities/coupon-template.entity';
import { ISSUANCE_SCRIPTS } from './issuance.constants';
import type { IssuanceScripts } from './issuance-scripts';
import { ROUTES_BUILT_FIELD, ROUTES_KEY, templateKeys } from './template-keys';

const REBUILD_LOCK_MS = 15_000;
const MERGE_CHUNK = 500;

/**
 * Keeps each template's Redis gate (meta, counters, routes) a faithful copy of MySQL. Redis is a
 * cache: whenever a piece is missing it is rebuilt from the database, never guessed.
 */
@Injectable()
export class TemplateStateService {
  private readonly logger = new Logger(TemplateStateService.name);
  /** Routes this instance resolved before; see route(). */
  private readonly routes = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(ISSUANCE_SCRIPTS) private readonly scripts: IssuanceScripts,
    private readonly locks: RedisLock,
    private readonly coupons: CouponRepository,
    private readonly audiences: AudienceGate,
  ) {}

  /** Loads (or reloads) a template's full state into Redis under a cross-instance lock.
   * Returns false when the template does not exist. Waits for another instance's rebuild. */
  async rebuild(templateId: number, deadline = Date.now() + 3000): Promise<boolean> {
    const keys = templateKeys(templateId);
    const lock = await this.locks.acquire(keys.lock, REBUILD_LOCK_MS);
    if (!lock) {
      while (Date.now() < deadline) {
        await sleep(20);
        if ((await this.redis.exists(keys.meta)) === 1) return true;
      }
      throw new Error(`template ${templateId} state rebuild did not finish in time`);
    }
    try {
      const template = await this.db.getRepository(CouponTemplate).findOneBy({ id: templateId });
      if (!template) return false;
      await this.loadCounters(template);
      return true;
    } finally {
      await this.locks.release(lock);
    }
  }

  /** Status/total/window changes on a loaded state; a missing state is rebuilt on next claim. */
  async publishMeta(template: CouponTemplate): Promise<void> {
    await this.scripts.updateMeta(templateKeys(template.id).meta, metaFields(template));
  }

  /**
   * keyword / menu key / welcome -> template id, from this instance's memory when it was seen
   * before. Only found routes are kept (a follower's chatter cannot grow the map), and a kept one
   * is verified by the claim script itself (ROUTE_STALE when the template no longer owns it), so
   * the hot path pays no lookup round trip. `cached` says which it was.
   */
  async route(
    kind: RouteKind,
    value: string,
    fresh = false,
  ): Promise<{ id: number | null; cached: boolean }> {
    const key = `${kind}:${value}`;
    const known = fresh ? undefined : this.routes.get(key);
    if (known !== undefined) return { id: known, cached: true };
    const id = await this.resolveRoute(kind, value);
    if (id === null) this.routes.delete(key);
    else this.routes.set(key, id);
    return { id, cached: false };
  }

  async resolveRoute(kind: RouteKind, value: string): Promise<number | null> {
    const [id, built] = await this.redis.hmget(ROUTES_KEY, `${kind}:${value}`, ROUTES_BUILT_FIELD);
    if (built === null) {
      const routes = await this.rebuildRoutes();
      return routes.get(`${kind}:${value}`) ?? null;
    }
    return id === null ? null : Number(id);
  }

  /** Routes are few (one per live template): rebuilding all of them keeps them simply correct. */
  async rebuildRoutes(): Promise<Map<string, number>> {
    const live = await this.db.getRepository(CouponTemplate).find({
      where: [{ status: TemplateStatus.ACTIVE }, { status: TemplateStatus.PAUSED }],
      select: { id: true, keyword: true, menuKey: true, welcome: true },
    });
    const routes = new Map<string, number>();
    for (const t of live) {
      if (t.keyword) routes.set(`kw:${t.keyword}`, t.id);
      if (t.menuKey) routes.set(`menu:${t.menuKey}`, t.id);
      // The one live welcome template: resolveRoute('welcome', '*').
      if (t.welcome) routes.set('welcome:*', t.id);
    }
    this.routes.clear();
    const fields = [...routes].flatMap(([k, id]) => [k, id]);
    await this.redis
      .multi()
      .del(ROUTES_KEY)
      .hset(ROUTES_KEY, ROUTES_BUILT_FIELD, Date.now(), ...fields)
      .exec();
    return routes;
  }

  private async loadCounters(template: CouponTemplate): Promise<void> {
    const keys = templateKeys(template.id);
    const { issued, maxStockSeq: max } = await this.coupons.stockSummary(template.id);
    // Seqs below the max with no row: slots given back after a failed insert.
    const free = issued < max ? await this.coupons.missingStockSeqs(template.id, max) : [];

    // Per-follower counts, merged in chunks so a big campaign never builds one huge command.
    const counts = await this.coupons.followerCounts(template.id);
    for (let i = 0; i < counts.length; i += MERGE_CHUNK) {
      const pairs = counts.slice(i, i + MERGE_CHUNK).flatMap((c) => [c.openid, c.n]);
      await this.scripts.mergeCounts(keys.users, pairs);
    }
    // Before meta: meta is the "state complete" marker the claim script waits for.
    await this.audiences.load(template.id, template.audienceId);
    await this.scripts.publishState(
      [keys.meta, keys.issued, keys.free],
      max,
      free.join(','),
      metaFields(template),
    );
    this.logger.log(
      `template ${template.id} state loaded: issued=${max} free=${free.length} followers=${counts.length}`,
    );
  }
}

export type RouteKind = 'kw' | 'menu' | 'welcome';

export function metaFields(t: CouponTemplate): (string | number)[] {
  return [
    'status',
    t.status,
    'startsAt',
    t.claimStartsAt.getTime(),
    'endsAt',
    t.claimEndsAt.getTime(),
    'total',
    t.totalQuantity,
    'limit',
    t.perUserLimit,
    'version',
    t.version,
    'daily',
    t.dailyLimit ?? 0,
    // The routes this template answers to: a cached keyword -> template mapping is trusted only
    // while the claim script finds it here (issue #9: no route lookup round trip per claim).
    'kw',
    t.keyword ?? '',
    'menu',
    t.menuKey ?? '',
    'welcome',
    t.welcome ? '1' : '',
    // Non-empty: the claim script admits only members of the audience set (issue #12).
    'aud',
    t.audienceId ?? '',
  ];
}
