import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS_CLIENT, type RedisClient } from '@app/core';
import { wechatConfig, type WechatConfig } from '../wechat.settings';
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
/** The longest a /wx request waits for a list refresh: the reply deadline must hold. */
const INLINE_REFRESH_BUDGET_MS = 1000;

type Loaded = { matcher: IpMatcher; fetchedAt: number };

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
  private local?: Loaded & { loadedAt: number };
  /** One refresh at a time per instance; callers share it. */
  private refreshing?: Promise<Loaded | undefined>;

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
    if (!list) return 'unavailable'; // never fetched and the platform did not answer in time
    if (list.matcher.matches(ip)) return 'allowed';
    // A miss may mean WeChat added a range: refresh, but never more than once a minute.
    const gate = await this.redis.set(MISS_GATE_KEY, '1', 'EX', MISS_REFRESH_SECONDS, 'NX');
    if (gate) list = (await this.refreshWithin(INLINE_REFRESH_BUDGET_MS)) ?? list;
    return list.matcher.matches(ip) ? 'allowed' : 'rejected';
  }

  /** The shared list, re-read from Redis every LOCAL_TTL_MS; refreshed when old or missing. */
  private async current(): Promise<Loaded | undefined> {
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
      // Old but usable: refresh behind the request instead of in front of it.
      if (now - stored.fetchedAt >= REFRESH_EVERY_MS) void this.refreshOnce();
      return this.local;
    }
    return this.refreshWithin(INLINE_REFRESH_BUDGET_MS);
  }

  /** Waits for a refresh at most `ms`; a slower one finishes in the background for later requests. */
  private async refreshWithin(ms: number): Promise<Loaded | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ms);
    });
    try {
      return await Promise.race([this.refreshOnce(), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private refreshOnce(): Promise<Loaded | undefined> {
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<Loaded | undefined> {
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
