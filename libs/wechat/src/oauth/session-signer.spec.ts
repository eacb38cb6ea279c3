import type { WechatConfig } from '../wechat.settings';
import { SessionSigner } from './session-signer';

describe('SessionSigner (wxc_session cookie)', () => {
  const cfg = {
    oauthSessionSecret: 'a-session-secret-of-at-least-32-chars!!',
    oauthSessionTtlSeconds: 60,
  } as WechatConfig;
  const signer = new SessionSigner(cfg);
  const now = Date.UTC(2026, 0, 1);

  it('reads back the session it issued', () => {
    const { value, session } = signer.issue('o-follower', now);
    expect(signer.verify(value, now)).toEqual(session);
    expect(session.openid).toBe('o-follower');
  });

  it('refuses an expired session', () => {
    const { value } = signer.issue('o-follower', now);
    expect(signer.verify(value, now + 61_000)).toBeNull();
  });

  it('refuses a tampered payload, a tampered MAC and another key', () => {
    const { value } = signer.issue('o-follower', now);
    const [payload, mac] = value.split('.');
    const other = Buffer.from(JSON.stringify({ o: 'o-attacker', e: 9_999_999_999 })).toString(
      'base64url',
    );
    expect(signer.verify(`${other}.${mac}`, now)).toBeNull();
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    expect(signer.verify(`${payload}.${flipped}`, now)).toBeNull();
    const stranger = new SessionSigner({ ...cfg, oauthSessionSecret: 'x'.repeat(40) });
    expect(stranger.verify(value, now)).toBeNull();
  });

  it.each(['', '.', 'abc', 'a.b.c', `${'a'.repeat(600)}.b`])('refuses malformed %j', (v) => {
    expect(signer.verify(v, now)).toBeNull();
  });
});
