import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { wechatConfig, type WechatConfig } from '../wechat.settings';
import { isTransient } from '../api/wechat-api.error';
import { WechatHttp } from '../api/wechat-http';

export interface FetchedToken {
  token: string;
  expiresInSeconds: number;
}

const ATTEMPTS = 3;
const BACKOFF_MS = [200, 600];

/**
 * Asks the platform for an access_token (classic cgi-bin/token or cgi-bin/stable_token), with a
 * short bounded backoff on "system busy" (-1) and network errors. Only AccessTokenService calls
 * it, under the cross-instance lock, so the daily token quota is never burnt by a stampede.
 */
@Injectable()
export class TokenSource {
  private readonly logger = new Logger(TokenSource.name);

  constructor(
    private readonly http: WechatHttp,
    @Inject(wechatConfig.KEY) private readonly cfg: WechatConfig,
  ) {}

  async fetch(forceRefresh = false): Promise<FetchedToken> {
    for (let attempt = 1; ; attempt++) {
      try {
        const r = await this.once(forceRefresh);
        return { token: r.access_token, expiresInSeconds: Number(r.expires_in) || 7200 };
      } catch (err) {
        if (attempt >= ATTEMPTS || !isTransient(err)) throw err;
        // err.message names the path and errcode only, never the secret.
        this.logger.warn(`access_token fetch attempt ${attempt} failed: ${(err as Error).message}`);
        await sleep(BACKOFF_MS[attempt - 1] * (0.75 + Math.random() / 2));
      }
    }
  }

  private once(forceRefresh: boolean): Promise<{ access_token: string; expires_in: number }> {
    if (this.cfg.tokenMode === 'stable') {
      return this.http.request({
        method: 'POST',
        path: 'cgi-bin/stable_token',
        body: {
          grant_type: 'client_credential',
          appid: this.cfg.appId,
          secret: this.cfg.appSecret,
          force_refresh: forceRefresh,
        },
      });
    }
    return this.http.request({
      method: 'GET',
      path: 'cgi-bin/token',
      query: { grant_type: 'client_credential', appid: this.cfg.appId, secret: this.cfg.appSecret },
    });
  }
}
