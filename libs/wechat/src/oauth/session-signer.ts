import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { wechatConfig, type WechatConfig } from '@app/core';

export const SESSION_COOKIE = 'wxc_session';

export interface FollowerSession {
  openid: string;
  /** Unix seconds. */
  expiresAt: number;
}

/**
 * A short stateless session for follower web pages: base64url(JSON) + '.' + HMAC-SHA256. The key
 * is domain-separated, so sharing the secret with JWT signing cannot turn one into the other.
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

  /** The session in a cookie value, or null when forged, malformed or expired. */
  verify(value: string | undefined, now = Date.now()): FollowerSession | null {
    const [payload, mac, extra] = (value ?? '').split('.');
    if (!payload || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const { o, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        o?: unknown;
        e?: unknown;
      };
      if (typeof o !== 'string' || typeof e !== 'number' || e * 1000 <= now) return null;
      return { openid: o, expiresAt: e };
    } catch {
      return null;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
