import { createHmac, randomBytes } from 'node:crypto';
import { parsePiiKey, PiiCipher, PiiDecryptionError } from './pii-cipher';

const HEX = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const CTX = 'follower.phone';

describe('PiiCipher', () => {
  const cipher = PiiCipher.fromKey(HEX);

  it('round-trips and uses a fresh IV each time (v1:<kid>:<iv>:<tag>:<ct>)', () => {
    const a = cipher.encrypt('13800138000', CTX);
    const b = cipher.encrypt('13800138000', CTX);
    expect(a).toMatch(/^v1:k1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a.split(':')[2]).not.toBe(b.split(':')[2]);
    expect(a).not.toContain('13800138000');
    expect(cipher.decrypt(a, CTX)).toBe('13800138000');
    expect(cipher.decrypt(b, CTX)).toBe('13800138000');
  });

  it('accepts the key as base64 too', () => {
    const b64 = Buffer.from(HEX, 'hex').toString('base64');
    expect(b64).toHaveLength(44);
    expect(PiiCipher.fromKey(b64).decrypt(cipher.encrypt('x', CTX), CTX)).toBe('x');
    expect(() => parsePiiKey('abcd')).toThrow(/32 bytes/);
  });

  it('fails clearly on an unknown key id, a wrong key, another context or tampering', () => {
    const stored = cipher.encrypt('13800138000', CTX);
    expect(() => cipher.decrypt(stored.replace(/^v1:k1:/, 'v1:k9:'), CTX)).toThrow(
      new PiiDecryptionError('unknown PII key id "k9" (not in the keyring)'),
    );
    const other = PiiCipher.fromKey(randomBytes(32).toString('hex'));
    expect(() => other.decrypt(stored, CTX)).toThrow(/failed authentication under key "k1"/);
    expect(() => cipher.decrypt(stored, 'admin_user.phone')).toThrow(PiiDecryptionError);
    const parts = stored.split(':');
    const ct = Buffer.from(parts[4], 'base64');
    ct[0] ^= 1;
    parts[4] = ct.toString('base64');
    expect(() => cipher.decrypt(parts.join(':'), CTX)).toThrow(/failed authentication/);
    expect(() => cipher.decrypt('13800138000', CTX)).toThrow(/not a v1 envelope/);
  });

  it('rotation: a new active key still reads old values; the pinned blind index is stable', () => {
    const k1 = Buffer.from(HEX, 'hex');
    const k2 = randomBytes(32);
    const rotated = new PiiCipher({
      activeKeyId: 'k2',
      keys: new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
      indexKeyId: 'k1',
    });
    const old = cipher.encrypt('13800138000', CTX);
    expect(rotated.decrypt(old, CTX)).toBe('13800138000');
    expect(rotated.encrypt('13800138000', CTX)).toMatch(/^v1:k2:/);
    expect(rotated.blindIndex('13800138000', CTX)).toBe(cipher.blindIndex('13800138000', CTX));
  });

  it('blind index: deterministic, per-context, keyed by an HKDF-derived key (not the raw key)', () => {
    const idx = cipher.blindIndex('13800138000', CTX);
    expect(idx).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.blindIndex('13800138000', CTX)).toBe(idx);
    expect(cipher.blindIndex('13800138001', CTX)).not.toBe(idx);
    expect(cipher.blindIndex('13800138000', 'other')).not.toBe(idx);
    const rawKeyed = createHmac('sha256', Buffer.from(HEX, 'hex'))
      .update(`${CTX}\u000013800138000`)
      .digest('hex');
    expect(idx).not.toBe(rawKeyed);
  });

  it('refuses a keyring without its active key or with a bad key id', () => {
    expect(() => new PiiCipher({ activeKeyId: 'k2', keys: new Map() })).toThrow(
      /not in the keyring/,
    );
    expect(() => PiiCipher.fromKey(HEX, 'bad:id')).toThrow(/key id/);
  });
});
