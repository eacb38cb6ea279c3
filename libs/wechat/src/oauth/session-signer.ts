import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { wechatConfig, type WechatConfig } from '../wechat.settings';

export const SESSION_COOKIE = 'wxc_session';

export interface FollowerSession {
  openid: string;
  /** Unix seconds. */
  expiresAt: number;
}

/**
 * A short stateless session for follower web pages: base64url(JSON) + '.' + HMAC-SHA256. The key
 * is domain-separated, so sharing the secret with JWT signing cannot turn one into the other.
 * Only issued for now: its reader (a constant-time check of the MAC and the expiry) comes with the
 * follower pages that need it (the h5 edge).
 */
@Injectable()
export class SessionSigner {
  private readonly key: Buffer;

  constructor(@Inject(wechatConfig.KEY) private readonly cfg: WechatConfig) {
    this.key = createHmac('sha256', cfg.oauthSessionSecret).update('wxc-session-v1').digest();
  }

  issue(openid: string, now = Date.now()): { value: string; session: FollowerSession } {
    const session = {
      openid,
      expiresAt: Math.floor(now / 1000) + this.cfg.oauthSessionTtlSeconds,
    };
    const payload = Buffer.from(JSON.stringify({ o: openid, e: session.expiresAt })).toString(
      'base64url',
    );
    return { value: `${payload}.${this.mac(payload)}`, session };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
