import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { REDIS_CLIENT, type RedisClient, MetricsService } from '@app/core';
import { wechatConfig, type WechatConfig } from '../wechat.settings';
import { TokenSource } from './token-source';

/** Refresh this long before the platform's expiry (capped at a quarter of the lifetime). */
const REFRESH_AHEAD_MS = 300_000;
/** Longer than one fetch with its backoff; a crashed holder frees the lock by itself. */
const LOCK_MS = 10_000;
const POLL_MS = 20;
/** How long a caller waits for another instance's fetch before giving up. */
const WAIT_MS = 8_000;

/** Deletes the key only if it still holds the caller's value (lock release / token invalidation). */
const COMPARE_AND_DELETE_FIELD = `
if redis.call('HGET', KEYS[1], 'token') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Where the jsapi_ticket lives: next to the access_token it was fetched with (same hash tag). */
export const jsapiTicketKey = (appId: string): string => `wx:{at:${appId}}:jsapi`;

export class AccessTokenUnavailableError extends Error {
  constructor() {
    super('access_token unavailable: another instance is fetching it and did not finish in time');
    this.name = 'AccessTokenUnavailableError';
  }
}

/**
 * One access_token for every instance. Redis holds it with its expiry; whoever first sees it
 * missing (or inside the refresh-ahead window) takes a Redis lock (SET NX PX, released only by its
 * owner) and fetches; everyone else polls Redis for the new value (or, ahead of expiry, keeps using
 * the still-valid one). A token the platform rejects is dropped only if it is still the cached
 * one (compare-and-delete), so N concurrent 40001s cause one fetch, not N.
 */
@Injectable()
export class AccessTokenService {
  private readonly tokenKey: string;
  private readonly lockKey: string;
  private readonly rejectedKey: string;
  private readonly ticketKey: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(wechatConfig.KEY) cfg: WechatConfig,
    private readonly source: TokenSource,
    private readonly metrics: MetricsService,
  ) {
    const tag = `wx:{at:${cfg.appId}}`;
    this.tokenKey = `${tag}:token`;
    this.lockKey = `${tag}:lock`;
    this.rejectedKey = `${tag}:rejected`;
    this.ticketKey = jsapiTicketKey(cfg.appId);
  }

  async getToken(): Promise<string> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const cached = await this.read();
      if (cached && Date.now() < cached.refreshAt) return cached.token;
      const lock = await this.tryLock();
      if (lock) {
        try {
          // Someone may have stored a fresh token between our read and our lock.
          const again = await this.read();
          if (again && Date.now() < again.refreshAt) return again.token;
          try {
            return await this.fetchAndStore();
          } catch (err) {
            if (again) return again.token; // ahead-of-expiry refresh failed: old one still works
            throw err;
          }
        } finally {
          await this.redis.eval(RELEASE_LOCK, 1, this.lockKey, lock);
        }
      }
      // Another instance is refreshing: a still-valid token is good enough meanwhile.
      if (cached) return cached.token;
      if (Date.now() >= deadline) throw new AccessTokenUnavailableError();
      await sleep(POLL_MS);
    }
  }

  /** The platform rejected `token` (40001/40014/42001): forget it unless it was already replaced. */
  async invalidate(token: string): Promise<boolean> {
    const deleted = await this.redis.eval(COMPARE_AND_DELETE_FIELD, 1, this.tokenKey, token);
    if (deleted === 1) {
      await this.redis.set(this.rejectedKey, token, 'PX', 7_200_000);
      // The jsapi_ticket was fetched with the rejected token: it goes with it.
      await this.redis.del(this.ticketKey);
    }
    return deleted === 1;
  }

  private async read(): Promise<{ token: string; refreshAt: number } | null> {
    const [token, refreshAt] = await this.redis.hmget(this.tokenKey, 'token', 'refreshAt');
    return token && refreshAt ? { token, refreshAt: Number(refreshAt) } : null;
  }

  private async tryLock(): Promise<string | null> {
    const owner = randomBytes(12).toString('hex');
    const ok = await this.redis.set(this.lockKey, owner, 'PX', LOCK_MS, 'NX');
    return ok ? owner : null;
  }

  private async fetchAndStore(): Promise<string> {
    const fetched = await this.source.fetch().catch((err: unknown) => {
      this.metrics.tokenRefreshes.inc({ result: 'error' });
      throw err;
    });
    this.metrics.tokenRefreshes.inc({ result: 'ok' });
    let { token, expiresInSeconds } = fetched;
    // stable_token hands back the same token while it is valid in the platform's eyes; if that is
    // the one just rejected, ask once with force_refresh (rate-limited by WeChat, so only here).
    if (token === (await this.redis.get(this.rejectedKey))) {
      ({ token, expiresInSeconds } = await this.source.fetch(true));
    }
    const lifetimeMs = expiresInSeconds * 1000;
    const refreshAt = Date.now() + lifetimeMs - Math.min(REFRESH_AHEAD_MS, lifetimeMs / 4);
    await this.redis
      .multi()
      .del(this.tokenKey)
      .hset(this.tokenKey, 'token', token, 'refreshAt', Math.floor(refreshAt))
      .pexpire(this.tokenKey, lifetimeMs)
      .exec();
    return token;
  }
}
