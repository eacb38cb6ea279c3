import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  AuditRecorder,
  chinaDay,
  InFlightWork,
  MetricsService,
  randomBytesPooled,
} from '@app/core';
import { couponConfig, type CouponConfig } from '../coupon.settings';
import { CouponTemplate, TemplateStatus } from '../entities/coupon-template.entity';
import { Coupon } from '../entities/coupon.entity';
import {
  ClaimOutcome,
  type ClaimRequest,
  type ClaimResult,
  type RouteClaimRequest,
} from './claim-result';
import { CODE_RANDOM_BYTES, generateCouponCode } from './coupon-code';
import { CouponWriter } from './coupon-writer';
import { ISSUANCE_SCRIPTS } from './issuance.constants';
import type { IssuanceScripts } from './issuance-scripts';
import { templateKeys } from './template-keys';
import { TemplateStateService } from './template-state.service';
import { validityFor } from '../templates/validity';

/** WeChat retries within ~15 s; keep answers long enough for any sane retry. */
const REQUEST_TTL_SECONDS = 600;
const MAX_ATTEMPTS = 3;
/** Pauses between MySQL checks before a follower whose count is ahead of MySQL hears "busy". */
const LIMIT_CONFIRM_WAITS_MS = [50, 150, 0];

interface Grant {
  stockSeq: number;
  userSeq: number;
  code: string;
}

type Persisted =
  | { kind: 'ok'; validFrom: Date; validTo: Date }
  | { kind: 'duplicate-request' }
  | { kind: 'redis-behind' }
  | { kind: 'code-clash' }
  | { kind: 'refused' };

/**
 * The claim path: Redis admits (one Lua script), MySQL proves (unique keys + a guarded
 * INSERT ... SELECT), and only a committed row is ever reported as granted.
 */
@Injectable()
export class ClaimService {
  private readonly logger = new Logger(ClaimService.name);
  /** Display/validity data by template id, trusted only while its version matches Redis meta. */
  private readonly templates = new Map<number, CouponTemplate>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ISSUANCE_SCRIPTS) private readonly scripts: IssuanceScripts,
    private readonly state: TemplateStateService,
    private readonly writer: CouponWriter,
    private readonly inFlight: InFlightWork,
    private readonly audit: AuditRecorder,
    private readonly metrics: MetricsService,
    @Inject(couponConfig.KEY) private readonly cfg: CouponConfig,
  ) {}

  /**
   * A claim by keyword / menu key / welcome: the route comes from this instance's memory and the
   * claim script confirms the template still owns it; when it does not (ROUTE_STALE), the route is
   * looked up afresh and claimed again. Null when nothing answers to the route.
   */
  async claimByRoute(req: RouteClaimRequest): Promise<ClaimResult | null> {
    const { kind, value } = req.route;
    let { id, cached } = await this.state.route(kind, value);
    while (id !== null) {
      const templateId = id;
      const result = await this.claim({ ...req, templateId }, { kind, value, verify: cached });
      if (result !== STALE) return result;
      ({ id } = await this.state.route(kind, value, true));
      // Redis still holds meta from before routes were kept in it: reload it once.
      if (id === templateId) await this.state.rebuild(templateId);
      // A fresh lookup needs no confirmation: the next claim answers for whatever it finds.
      cached = false;
    }
    return null;
  }

  /** Tracked so shutdown waits for it (its Redis slot and MySQL row stay consistent); once
   * shutdown started, new claims are refused (ShuttingDownError: the follower hears "busy"). */
  claim(req: ClaimRequest): Promise<ClaimResult>;
  claim(req: ClaimRequest, route: RouteCheck): Promise<ClaimResult | typeof STALE>;
  claim(req: ClaimRequest, route?: RouteCheck): Promise<ClaimResult | typeof STALE> {
    return this.audited(req, () => this.inFlight.run(() => this.claimNow(req, route)));
  }

  /** One audit event per call (issue #5); latency covers the whole claim, refusals included. */
  private async audited(
    req: ClaimRequest,
    claim: () => Promise<ClaimResult | typeof STALE>,
  ): Promise<ClaimResult | typeof STALE> {
    const started = performance.now();
    const event = {
      kind: 'CLAIM' as const,
      templateId: req.templateId,
      openid: req.openid,
      requestKey: req.requestKey,
      channel: req.channel,
    };
    try {
      const result = await claim();
      // Not an attempt on this template: the follower's words belong to another one now.
      if (result === STALE) return result;
      if (result.outcome === ClaimOutcome.RATE_LIMITED && !result.replayed) {
        this.metrics.rejected.inc({ reason: 'follower_rate_limited' });
      }
      this.metrics.claims.inc({ template_id: String(req.templateId), outcome: result.outcome });
      this.audit.record({
        ...event,
        outcome: result.outcome,
        couponCode: result.coupon?.code ?? null,
        latencyMs: Math.round(performance.now() - started),
        detail: { ...req.auditDetail, replayed: result.replayed },
      });
      return result;
    } catch (err) {
      this.metrics.claims.inc({ template_id: String(req.templateId), outcome: ClaimOutcome.ERROR });
      this.audit.record({
        ...event,
        outcome: ClaimOutcome.ERROR,
        latencyMs: Math.round(performance.now() - started),
        detail: {
          ...req.auditDetail,
          replayed: false,
          error: err instanceof Error ? err.name : 'unknown',
        },
      });
      throw err;
    }
  }

  private async claimNow(
    req: ClaimRequest,
    route?: RouteCheck,
  ): Promise<ClaimResult | typeof STALE> {
    const keys = templateKeys(req.templateId);
    const claimKeys = [
      keys.meta,
      keys.issued,
      keys.users,
      keys.free,
      keys.request(req.requestKey),
      keys.daily(chinaDay(new Date())),
      keys.rate(req.openid),
      keys.audience,
    ];
    const args = {
      openid: req.openid,
      code: '',
      ttlSeconds: REQUEST_TTL_SECONDS,
      route: route?.verify
        ? { field: route.kind, value: route.kind === 'welcome' ? '1' : route.value }
        : undefined,
      rateLimit: this.cfg.claimRateLimit,
      rateWindowMs: this.cfg.claimRateWindowSeconds * 1000,
    };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const luaStarted = performance.now();
      args.code = generateCouponCode(randomBytesPooled(CODE_RANDOM_BYTES));
      const reply = await this.scripts.claim(claimKeys, args);
      this.metrics.luaDuration.observe(
        { script: 'claim' },
        (performance.now() - luaStarted) / 1000,
      );
      const outcome = reply[0];
      if (outcome === 'ROUTE_STALE') return STALE;
      if (outcome === 'NO_STATE') {
        if (!(await this.state.rebuild(req.templateId)))
          return this.result(req, ClaimOutcome.NOT_FOUND);
        continue;
      }
      // The script counted this claim against the follower's rate (it runs that check before any
      // counter moves): a retry below is the same claim and must not count again.
      args.rateLimit = 0;
      if (outcome === 'DUP') return this.replay(req, String(reply[1]));
      const template = await this.template(req.templateId, Number(reply[4]));
      if (!template) return this.result(req, ClaimOutcome.NOT_FOUND);
      if (outcome === 'LIMIT_REACHED') return this.limitReached(req, template, false);
      if (outcome !== 'GRANTED') return this.result(req, toOutcome(outcome), template);

      const grant = {
        stockSeq: Number(reply[1]),
        userSeq: Number(reply[2]),
        code: String(reply[3]),
      };
      const persisted = await this.persist(req, template, grant);
      switch (persisted.kind) {
        case 'ok':
          return {
            ...this.result(req, ClaimOutcome.GRANTED, template),
            coupon: {
              code: grant.code,
              validFrom: persisted.validFrom,
              validTo: persisted.validTo,
            },
          };
        case 'duplicate-request':
          await this.release(req, grant);
          return this.replayFromDatabase(req, template);
        case 'redis-behind':
          await this.catchUp(req, grant);
          continue;
        case 'code-clash':
          await this.release(req, grant);
          continue;
        case 'refused':
          // MySQL says the template cannot issue this slot (paused/ended/stock lowered): give the
          // slot back and reload Redis from MySQL so the next attempt answers correctly.
          await this.release(req, grant);
          this.templates.delete(req.templateId);
          await this.state.rebuild(req.templateId);
          continue;
      }
    }
    this.logger.warn(`claim for template ${req.templateId} gave up after ${MAX_ATTEMPTS} attempts`);
    return this.result(req, ClaimOutcome.ERROR);
  }

  private async persist(req: ClaimRequest, t: CouponTemplate, g: Grant): Promise<Persisted> {
    const claimedAt = new Date();
    const { validFrom, validTo } = validityFor(t, claimedAt);
    try {
      const outcome = await this.writer.write({
        ...g,
        templateId: t.id,
        openid: req.openid,
        requestKey: req.requestKey,
        channel: req.channel,
        validFrom,
        validTo,
        claimedAt,
      });
      return outcome === 'inserted' ? { kind: 'ok', validFrom, validTo } : { kind: outcome };
    } catch (err) {
      // Not committed: the follower must not be told "granted". Give the slot back.
      await this.release(req, g).catch((e: unknown) =>
        this.logger.error(`release failed: ${String(e)}`),
      );
      throw err;
    }
  }

  /** A repeated request: answer with what was granted then (or the same refusal). */
  private async replay(req: ClaimRequest, stored: string): Promise<ClaimResult> {
    const [outcome, stockSeq, userSeq, code] = stored.split('|');
    const template = await this.template(req.templateId);
    if (!template) return this.result(req, ClaimOutcome.NOT_FOUND);
    if (outcome === 'LIMIT_REACHED') return this.limitReached(req, template, true);
    if (outcome !== 'GRANTED')
      return { ...this.result(req, toOutcome(outcome), template), replayed: true };

    const row = await this.db
      .getRepository(Coupon)
      .findOneBy({ templateId: req.templateId, requestKey: req.requestKey });
    if (row) return this.grantedFrom(req, template, row);
    // Redis granted but the row is missing (the first attempt died before its INSERT, or is
    // still running it): write it now; if the first attempt wins, read its row.
    const persisted = await this.persist(req, template, {
      stockSeq: Number(stockSeq),
      userSeq: Number(userSeq),
      code,
    });
    if (persisted.kind === 'ok') {
      return {
        ...this.result(req, ClaimOutcome.GRANTED, template),
        coupon: { code, validFrom: persisted.validFrom, validTo: persisted.validTo },
        replayed: true,
      };
    }
    if (persisted.kind === 'duplicate-request' || persisted.kind === 'code-clash') {
      return this.replayFromDatabase(req, template);
    }
    return this.result(req, ClaimOutcome.ERROR, template);
  }

  /**
   * "Already claimed" only when MySQL holds the follower's coupons (issue #10 item 15). Redis may
   * count a claim whose row never landed (an instance died between gate and INSERT, until the
   * reconciler gives it back, or one still in flight): then the follower hears "busy, try again",
   * never a false "already claimed". Costs one indexed COUNT, on refusals only.
   */
  private async limitReached(
    req: ClaimRequest,
    template: CouponTemplate,
    replayed: boolean,
  ): Promise<ClaimResult> {
    // The follower's other claims may still be on their way to MySQL (a double tap): give them
    // a moment before concluding that a count has no row behind it.
    for (const waitMs of LIMIT_CONFIRM_WAITS_MS) {
      const held = await this.db
        .getRepository(Coupon)
        .countBy({ templateId: req.templateId, openid: req.openid });
      if (held >= template.perUserLimit) {
        return { ...this.result(req, ClaimOutcome.LIMIT_REACHED, template), replayed };
      }
      if (waitMs > 0) await sleep(waitMs);
    }
    this.logger.warn(
      `template ${req.templateId}: Redis counts more claims than MySQL holds for a follower; answering busy`,
    );
    return { ...this.result(req, ClaimOutcome.ERROR, template), replayed };
  }

  private async replayFromDatabase(
    req: ClaimRequest,
    template: CouponTemplate,
  ): Promise<ClaimResult> {
    const row = await this.db
      .getRepository(Coupon)
      .findOneBy({ templateId: req.templateId, requestKey: req.requestKey });
    return row
      ? this.grantedFrom(req, template, row)
      : this.result(req, ClaimOutcome.ERROR, template);
  }

  private grantedFrom(req: ClaimRequest, template: CouponTemplate, row: Coupon): ClaimResult {
    return {
      ...this.result(req, ClaimOutcome.GRANTED, template),
      coupon: { code: row.code, validFrom: row.validFrom, validTo: row.validTo },
      replayed: true,
    };
  }

  private async release(req: ClaimRequest, g: Grant): Promise<void> {
    const k = templateKeys(req.templateId);
    await this.scripts.release(
      [k.issued, k.users, k.free, k.request(req.requestKey)],
      req.openid,
      g.stockSeq,
      g.userSeq,
    );
  }

  /** A unique-key clash: give back what this attempt took that MySQL does not hold, then raise
   * the counters to MySQL's (see catch-up.lua). */
  private async catchUp(req: ClaimRequest, g: Grant): Promise<void> {
    const [row] = await this.db.query<
      { maxStock: number | null; maxUser: number | null; stockHeld: string; userHeld: string }[]
    >(
      `SELECT MAX(stock_seq) AS maxStock,
              MAX(CASE WHEN openid = ? THEN user_seq END) AS maxUser,
              COUNT(CASE WHEN stock_seq = ? THEN 1 END) AS stockHeld,
              COUNT(CASE WHEN openid = ? AND user_seq = ? THEN 1 END) AS userHeld
       FROM coupon WHERE template_id = ?`,
      [req.openid, g.stockSeq, req.openid, g.userSeq, req.templateId],
    );
    const k = templateKeys(req.templateId);
    await this.scripts.catchUp(
      [k.issued, k.users, k.request(req.requestKey), k.free],
      req.openid,
      row.maxStock ?? 0,
      row.maxUser ?? 0,
      Number(row.stockHeld) > 0 ? 0 : g.stockSeq,
      Number(row.userHeld) > 0 ? 0 : g.userSeq,
    );
  }

  /** Cached template, reloaded when Redis meta carries a newer version (edits on any instance). */
  private async template(id: number, version?: number): Promise<CouponTemplate | null> {
    const cached = this.templates.get(id);
    if (cached && (version === undefined || cached.version === version)) return cached;
    const fresh = await this.db.getRepository(CouponTemplate).findOneBy({ id });
    if (fresh) this.templates.set(id, fresh);
    else this.templates.delete(id);
    return fresh;
  }

  private result(req: ClaimRequest, outcome: ClaimOutcome, template?: CouponTemplate): ClaimResult {
    return { outcome, templateId: req.templateId, templateName: template?.name, replayed: false };
  }
}

/** claim() with a route to verify answers this when the template no longer owns the route. */
const STALE = Symbol('route-stale');

interface RouteCheck {
  kind: 'kw' | 'menu' | 'welcome';
  value: string;
  /** Only a route remembered from before needs the script's confirmation. */
  verify: boolean;
}

const SCRIPT_OUTCOMES = new Set<string>([
  ClaimOutcome.NOT_IN_AUDIENCE,
  ClaimOutcome.RATE_LIMITED,
  ClaimOutcome.GRANTED,
  ClaimOutcome.SOLD_OUT,
  ClaimOutcome.LIMIT_REACHED,
  ClaimOutcome.DAILY_LIMIT_REACHED,
  ClaimOutcome.NOT_STARTED,
  ClaimOutcome.ENDED,
  ClaimOutcome.PAUSED,
]);

/** Lua answers with an outcome name, or the template status when it is not ACTIVE. */
function toOutcome(scriptOutcome: string): ClaimOutcome {
  if (SCRIPT_OUTCOMES.has(scriptOutcome)) return scriptOutcome as ClaimOutcome;
  return scriptOutcome === (TemplateStatus.DRAFT as string)
    ? ClaimOutcome.NOT_FOUND
    : ClaimOutcome.ERROR;
}
