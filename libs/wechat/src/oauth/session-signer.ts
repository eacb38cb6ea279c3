import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
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
 * `verify` is its reader (a constant-time check of the MAC, then the expiry), used by the h5 edge.
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

  /** The session a cookie value carries, or null when it is forged, malformed or expired. */
  verify(value: string, now = Date.now()): FollowerSession | null {
    const dot = value.indexOf('.');
    if (dot <= 0 || value.length > 512) return null;
    const payload = value.slice(0, dot);
    const given = Buffer.from(value.slice(dot + 1));
    const expected = Buffer.from(this.mac(payload));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const { o, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        o?: unknown;
        e?: unknown;
      };
      if (typeof o !== 'string' || !o || typeof e !== 'number') return null;
      return e > Math.floor(now / 1000) ? { openid: o, expiresAt: e } : null;
    } catch {
      return null;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
