import { ShareTokenCodec } from './share-token';

describe('share-link token (HMAC-signed, opaque)', () => {
  const codec = new ShareTokenCodec('a-test-secret-that-is-at-least-32-chars!');
  const now = Date.UTC(2026, 0, 1);
  const payload = { campaignId: 7, sharerId: 42, expiresAt: Math.floor(now / 1000) + 3600 };

  it('round-trips and reveals no openid', () => {
    const token = codec.sign(payload);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(codec.verify(token, { now, campaignId: 7 })).toEqual(payload);
  });

  it('refuses a forged token (one flipped bit, or another key)', () => {
    const token = codec.sign(payload);
    const raw = Buffer.from(token, 'base64url');
    raw[5] ^= 1; // another sharer id
    expect(codec.verify(raw.toString('base64url'), { now })).toBe('FORGED');
    const other = new ShareTokenCodec('another-secret-that-is-at-least-32-chars');
    expect(other.verify(token, { now })).toBe('FORGED');
  });

  it('refuses an expired token', () => {
    const token = codec.sign(payload);
    expect(codec.verify(token, { now: (payload.expiresAt + 1) * 1000 })).toBe('EXPIRED');
  });

  it('refuses a token pointed at another campaign', () => {
    expect(codec.verify(codec.sign(payload), { now, campaignId: 8 })).toBe('OTHER_CAMPAIGN');
  });

  it.each(['', 'not a token', 'abc', 'A'.repeat(65)])('refuses malformed %j', (t) => {
    expect(codec.verify(t, { now })).toBe('MALFORMED');
  });
});
