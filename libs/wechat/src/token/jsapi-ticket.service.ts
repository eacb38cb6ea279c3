import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { REDIS_CLIENT, type RedisClient } from '@app/core';
import { wechatConfig, type WechatConfig } from '../wechat.settings';
import { WechatApiClient } from '../api/wechat-api.client';
import { AccessTokenService, jsapiTicketKey } from './access-token.service';

const REFRESH_AHEAD_MS = 300_000;
const LOCK_MS = 10_000;
const POLL_MS = 20;
const WAIT_MS = 8_000;
const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export interface JssdkConfig {
  appId: string;
  timestamp: number;
  nonceStr: string;
  signature: string;
}

/**
 * WeChat's JS-SDK signature: SHA-1 over the four fields sorted by name, joined as a query string
 * (the url without its #fragment).
 */
export function jssdkSignature(
  ticket: string,
  nonceStr: string,
  timestamp: number,
  url: string,
): string {
  const plain = `jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${url.split('#')[0]}`;
  return createHash('sha1').update(plain).digest('hex');
}

/**
 * The jsapi_ticket, shared through Redis across instances exactly like the access_token: one
 * fetch under a Redis lock (others poll), refreshed ahead of expiry, and dropped whenever the
 * access_token it was fetched with is invalidated (AccessTokenService deletes it too).
 */
@Injectable()
export class JsapiTicketService {
  private readonly key: string;
  private readonly lockKey: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(wechatConfig.KEY) private readonly cfg: WechatConfig,
    private readonly api: WechatApiClient,
    private readonly tokens: AccessTokenService,
  ) {
    this.key = jsapiTicketKey(cfg.appId);
    this.lockKey = `${this.key}:lock`;
  }

  async config(url: string, now = Date.now()): Promise<JssdkConfig> {
    const ticket = await this.getTicket();
    const timestamp = Math.floor(now / 1000);
    const nonceStr = randomBytes(12).toString('base64url');
    return {
      appId: this.cfg.appId,
      timestamp,
      nonceStr,
      signature: jssdkSignature(ticket, nonceStr, timestamp, url),
    };
  }

  async getTicket(): Promise<string> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const cached = await this.read();
      if (cached && Date.now() < cached.refreshAt) return cached.ticket;
      const owner = randomBytes(12).toString('hex');
      if (await this.redis.set(this.lockKey, owner, 'PX', LOCK_MS, 'NX')) {
        try {
          const again = await this.read();
          if (again && Date.now() < again.refreshAt) return again.ticket;
          try {
            return await this.fetchAndStore();
          } catch (err) {
            if (again) return again.ticket;
            throw err;
          }
        } finally {
          await this.redis.eval(RELEASE_LOCK, 1, this.lockKey, owner);
        }
      }
      if (cached) return cached.ticket;
      if (Date.now() >= deadline)
        throw new Error('jsapi_ticket unavailable: another instance is fetching it');
      await sleep(POLL_MS);
    }
  }

  private async read(): Promise<{ ticket: string; refreshAt: number } | null> {
    const [ticket, refreshAt] = await this.redis.hmget(this.key, 'ticket', 'refreshAt');
    return ticket && refreshAt ? { ticket, refreshAt: Number(refreshAt) } : null;
  }

  private async fetchAndStore(): Promise<string> {
    const r = await this.api.call<{ ticket: string; expires_in?: number }>(
      { method: 'GET', path: 'cgi-bin/ticket/getticket', query: { type: 'jsapi' } },
      { idempotent: true },
    );
    const lifetimeMs = (Number(r.expires_in) || 7200) * 1000;
    const refreshAt = Date.now() + lifetimeMs - Math.min(REFRESH_AHEAD_MS, lifetimeMs / 4);
    await this.redis
      .multi()
      .del(this.key)
      .hset(this.key, 'ticket', r.ticket, 'refreshAt', Math.floor(refreshAt))
      .pexpire(this.key, lifetimeMs)
      .exec();
    return r.ticket;
  }
}
