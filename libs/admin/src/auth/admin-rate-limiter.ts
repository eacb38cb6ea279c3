import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RateLimitedException, REDIS_CLIENT, type RedisClient } from '@app/core';
import { authConfig, type AuthConfig } from './auth.settings';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const ADMIN_API_PREFIX = '/api/v1/admin';

/**
 * True for a request Fastify ROUTED to the admin API. The route pattern, not the raw URL: a URL
 * such as `/%61pi/v1/admin/...` is decoded by the router and reaches the same handler, so a check
 * on `req.url` would let it through uncounted.
 */
export function isAdminRoute(req: FastifyRequest): boolean {
  return (req.routeOptions.url ?? '').startsWith(ADMIN_API_PREFIX);
}

/**
 * ADMIN_RATE_LIMIT requests per ADMIN_RATE_WINDOW_SECONDS per caller, across every instance.
 * The caller is decided by the auth guard AFTER it has checked the token: a signed-in account
 * (`a:<id>`), or the client IP (`ip:<addr>`) for anyone without a valid token. A bearer string
 * alone never names a bucket, so random junk tokens cannot mint fresh budgets or Redis keys.
 */
@Injectable()
export class AdminRateLimiter {
  private readonly storage: RedisThrottlerStorage;

  constructor(
    @Inject(authConfig.KEY) private readonly cfg: AuthConfig,
    @Inject(REDIS_CLIENT) redis: RedisClient,
  ) {
    this.storage = new RedisThrottlerStorage(redis);
  }

  forAccount(id: number): Promise<void> {
    return this.hit(`a:${id}`);
  }

  forIp(ip: string): Promise<void> {
    return this.hit(`ip:${ip}`);
  }

  /** Counts one request; 429 with Retry-After once the caller's window is spent. */
  private async hit(tracker: string): Promise<void> {
    const windowMs = this.cfg.adminRateWindowSeconds * 1000;
    const r = await this.storage.increment(tracker, windowMs, this.cfg.adminRateLimit, 0, 'admin');
    if (r.isBlocked) {
      throw new RateLimitedException(
        'Too many requests; slow down',
        Math.max(1, r.timeToBlockExpire || r.timeToExpire),
      );
    }
  }
}
