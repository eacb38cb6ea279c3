import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  MetricsService,
  REDIS_CLIENT,
  type RedisClient,
  wechatConfig,
  type WechatConfig,
} from '@app/core';

export const RATE_LIMITED_TEXT = '操作太频繁，请稍后再试～';

/**
 * One round trip: a WeChat retry (same request key) gets the decision stored for the first
 * delivery and is not counted again; a new request INCRs the follower's fixed-window counter
 * (the window starts at the first claim) and stores its decision for the retries.
 * KEYS[1] counter, KEYS[2] request decision; ARGV window ms, limit, decision ttl ms.
 * Returns {allowed 1|0, new 1|0}.
 */
const ADMIT = `
local seen = redis.call('GET', KEYS[2])
if seen then return {tonumber(seen), 0} end
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local allowed = 0
if n <= tonumber(ARGV[2]) then allowed = 1 end
redis.call('SET', KEYS[2], allowed, 'PX', ARGV[3])
return {allowed, 1}`;

/** WeChat retries a message 3 times within ~15 s; remember each decision a bit longer. */
const MIN_DECISION_TTL_MS = 60_000;

/**
 * Per-follower claim limit on /wx (WX_CLAIM_RATE_LIMIT per WX_CLAIM_RATE_WINDOW_SECONDS), by
 * openid: every /wx request comes from WeChat's servers, so an IP says nothing about who asks.
 * Kept in Redis so it holds across instances; keys share the `{openid}` hash tag (Cluster-safe).
 */
@Injectable()
export class FollowerClaimThrottle {
  private readonly logger = new Logger(FollowerClaimThrottle.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(wechatConfig.KEY) private readonly cfg: WechatConfig,
    private readonly metrics: MetricsService,
  ) {}

  /** False when the follower is over the limit. Fails open: a Redis fault must not block claims
   * that the claim path itself may still be able to serve (it reports its own errors). */
  async admit(openid: string, requestKey: string): Promise<boolean> {
    const limit = this.cfg.claimRateLimit;
    if (limit <= 0) return true;
    const windowMs = this.cfg.claimRateWindowSeconds * 1000;
    const tag = `wx:rl:{${openid}}`;
    let reply: [number, number];
    try {
      reply = (await this.redis.eval(
        ADMIT,
        2,
        tag,
        `${tag}:r:${requestKey}`,
        windowMs,
        limit,
        Math.max(windowMs, MIN_DECISION_TTL_MS),
      )) as [number, number];
    } catch (err) {
      this.logger.warn(`claim throttle unavailable, admitting: ${String(err)}`);
      return true;
    }
    const [allowed, isNew] = reply;
    if (allowed === 1) return true;
    if (isNew === 1) this.metrics.rejected.inc({ reason: 'follower_rate_limited' });
    return false;
  }
}
