import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AccessTokenService } from '../token/access-token.service';
import { isTokenInvalid, isTransient } from './wechat-api.error';
import { WechatHttp, type WechatRequest } from './wechat-http';

export interface CallOptions {
  /**
   * True when repeating the call cannot do harm (reads, replacing the menu). Only those are
   * retried on "system busy" or no answer; a message send that timed out may have been delivered.
   */
  idempotent: boolean;
}

const BUSY_RETRIES = 2;
const BUSY_BACKOFF_MS = 250;

/**
 * Authenticated platform calls. A rejected token (40001/40014/42001) is invalidated
 * (compare-and-delete) and the call repeated once with a fresh one: the platform refused it, so
 * even a send is safe to repeat. Transient failures are retried only for idempotent calls.
 */
@Injectable()
export class WechatApiClient {
  private readonly logger = new Logger(WechatApiClient.name);

  constructor(
    private readonly http: WechatHttp,
    private readonly tokens: AccessTokenService,
  ) {}

  async call<T>(req: WechatRequest, opts: CallOptions): Promise<T> {
    let tokenRetried = false;
    let transientRetries = 0;
    for (;;) {
      const token = await this.tokens.getToken();
      try {
        return await this.http.request<T>({
          ...req,
          query: { ...req.query, access_token: token },
        });
      } catch (err) {
        if (isTokenInvalid(err) && !tokenRetried) {
          tokenRetried = true;
          await this.tokens.invalidate(token);
          this.logger.warn(`${req.path}: access_token rejected (${err.errcode}); refreshing once`);
          continue;
        }
        if (opts.idempotent && isTransient(err) && transientRetries < BUSY_RETRIES) {
          transientRetries++;
          await sleep(BUSY_BACKOFF_MS * 2 ** (transientRetries - 1));
          continue;
        }
        throw err;
      }
    }
  }

  /** The IP ranges WeChat pushes callbacks from. */
  async getCallbackIps(): Promise<string[]> {
    const r = await this.call<{ ip_list?: string[] }>(
      { method: 'GET', path: 'cgi-bin/getcallbackip' },
      { idempotent: true },
    );
    return r.ip_list ?? [];
  }

  /** A follower's profile basics (cgi-bin/user/info): subscribed or not, and since when. */
  async getUserInfo(openid: string): Promise<{ subscribe: boolean; subscribeTime: Date | null }> {
    const r = await this.call<{ subscribe?: number; subscribe_time?: number }>(
      { method: 'GET', path: 'cgi-bin/user/info', query: { openid, lang: 'zh_CN' } },
      { idempotent: true },
    );
    return {
      subscribe: r.subscribe === 1,
      subscribeTime:
        r.subscribe === 1 && r.subscribe_time ? new Date(r.subscribe_time * 1000) : null,
    };
  }

  /** Customer-service text message (within 48 h of the follower's last interaction). Not retried. */
  async sendCustomText(openid: string, content: string): Promise<void> {
    await this.call(
      {
        method: 'POST',
        path: 'cgi-bin/message/custom/send',
        body: { touser: openid, msgtype: 'text', text: { content } },
      },
      { idempotent: false },
    );
  }
}
