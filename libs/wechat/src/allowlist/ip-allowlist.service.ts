import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS_CLIENT, type RedisClient, wechatConfig, type WechatConfig } from '@app/core';
import { WechatApiClient } from '../api/wechat-api.client';
import { IpMatcher } from './ip-matcher';

const LIST_KEY = 'wx:callback-ips';
const MISS_GATE_KEY = 'wx:callback-ips:miss-refresh';
/** The platform's ranges change rarely: refresh the shared copy this often. */
const REFRESH_EVERY_MS = 6 * 3_600_000;
/** An unknown IP may trigger a refresh, but at most once a minute across all instances. */
const MISS_REFRESH_SECONDS = 60;
/** How long an instance trusts its in-memory copy before re-reading Redis. */
const LOCAL_TTL_MS = 30_000;

export type AllowlistVerdict = 'allowed' | 'rejected' | 'unavailable';

/**
 * WECHAT_IP_ALLOWLIST: `off`, a static list of IPs/CIDRs, or `auto` (cgi-bin/getcallbackip,
 * shared through Redis, refreshed every few hours and on a miss at most once a minute).
 */
@Injectable()
export class IpAllowlistService {
  private readonly logger = new Logger(IpAllowlistService.name);
  private readonly mode: 'off' | 'static' | 'auto';
  private readonly staticList?: IpMatcher;
  private local?: { matcher: IpMatcher; fetchedAt: number; loadedAt: number };

  constructor(
    @Inject(wechatConfig.KEY) cfg: WechatConfig,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly api: WechatApiClient,
  ) {
    const setting = cfg.ipAllowlist.toLowerCase();
    this.mode = setting === 'off' ? 'off' : setting === 'auto' ? 'auto' : 'static';
    if (this.mode === 'static') this.staticList = new IpMatcher(cfg.ipAllowlist.split(','));
  }

  async check(ip: string | undefined): Promise<AllowlistVerdict> {
    if (this.mode === 'off') return 'allowed';
    if (this.staticList) return this.staticList.matches(ip) ? 'allowed' : 'rejected';

    let list = await this.current();
    if (list?.matcher.matches(ip)) return 'allowed';
    // A miss may mean WeChat added a range: refresh, but never more than once a minute.
    const gate = await this.redis.set(MISS_GATE_KEY, '1', 'EX', MISS_REFRESH_SECONDS, 'NX');
    if (gate || !list) list = (await this.refresh()) ?? list;
    if (!list) return 'unavailable';
    return list.matcher.matches(ip) ? 'allowed' : 'rejected';
  }

  /** The shared list, re-read from Redis every LOCAL_TTL_MS; refreshed when old or missing. */
  private async current(): Promise<{ matcher: IpMatcher; fetchedAt: number } | undefined> {
    const now = Date.now();
    if (this.local && now - this.local.loadedAt < LOCAL_TTL_MS) return this.local;
    const raw = await this.redis.get(LIST_KEY);
    if (raw) {
      const stored = JSON.parse(raw) as { ips: string[]; fetchedAt: number };
      if (!this.local || this.local.fetchedAt !== stored.fetchedAt) {
        this.local = {
          matcher: new IpMatcher(stored.ips),
          fetchedAt: stored.fetchedAt,
          loadedAt: now,
        };
      }
      this.local.loadedAt = now;
      if (now - stored.fetchedAt < REFRESH_EVERY_MS) return this.local;
    }
    return (await this.refresh()) ?? this.local;
  }

  private async refresh(): Promise<{ matcher: IpMatcher; fetchedAt: number } | undefined> {
    try {
      const ips = await this.api.getCallbackIps();
      const fetchedAt = Date.now();
      // No TTL: a stale list beats no list when the platform API is down.
      await this.redis.set(LIST_KEY, JSON.stringify({ ips, fetchedAt }));
      this.local = { matcher: new IpMatcher(ips), fetchedAt, loadedAt: fetchedAt };
      this.logger.log(`callback IP list refreshed: ${ips.length} entries`);
      return this.local;
    } catch (err) {
      this.logger.error(`callback IP list refresh failed: ${(err as Error).message}`);
      return undefined;
    }
  }
}
