import { createCipheriv } from 'node:crypto';
import { WechatCryptoError, WechatMessageCrypto } from './wechat-message-crypto';

/**
 * Edges of the safe-mode payload layout, found by mutation testing (issue #16): plaintexts the
 * WeChat platform would never send are built byte by byte and encrypted with the raw AES key, so
 * every check in decrypt() is reached with the exact value at its boundary.
 */
const TOKEN = 'QDG6eK';
const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const APP_ID = 'wx5823bf96d3bd56c7'; // 18 bytes
const crypto = new WechatMessageCrypto(TOKEN, AES_KEY, APP_ID);
const KEY = Buffer.from(`${AES_KEY}=`, 'base64');

/** AES-256-CBC of an already block-aligned plaintext, as WeChat's scheme does it. */
function encryptRaw(plain: Buffer): string {
  if (plain.length % 16 !== 0) throw new Error('test plaintext must be block-aligned');
  const c = createCipheriv('aes-256-cbc', KEY, KEY.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([c.update(plain), c.final()]).toString('base64');
}
const header = (declaredLength: number): Buffer => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(declaredLength, 0);
  return Buffer.concat([Buffer.alloc(16, 7), len]);
};
const padded = (data: Buffer, pad: number): Buffer => Buffer.concat([data, Buffer.alloc(pad, pad)]);
const failure = (encrypted: string): string => {
  try {
    crypto.decrypt(encrypted);
  } catch (err) {
    expect(err).toBeInstanceOf(WechatCryptoError);
    expect((err as Error).name).toBe('WechatCryptoError');
    return (err as Error).message;
  }
  throw new Error('expected decrypt to refuse');
};

describe('WechatMessageCrypto edges', () => {
  it.each([
    [25, 1], // 20 + 25 + 18 = 63: one byte of padding
    [26, 32], // 64: a whole block of padding
    [0, 26],
  ])('round-trips a %i-byte message (pad %i)', (n, pad) => {
    const msg = 'x'.repeat(n);
    const enc = crypto.encrypt(msg);
    const plainLength = Buffer.from(enc, 'base64').length;
    expect(plainLength - (20 + n + APP_ID.length)).toBe(pad);
    expect(crypto.decrypt(enc)).toBe(msg);
  });

  it('refuses padding longer than the 32-byte block even when its bytes are consistent', () => {
    const body = Buffer.concat([header(2), Buffer.from('ok'), Buffer.from(APP_ID)]); // 40 bytes
    const plain = Buffer.concat([body, Buffer.alloc(8, 48), Buffer.alloc(48, 48)]); // 96
    expect(failure(encryptRaw(plain))).toBe('invalid padding');
  });

  it('refuses zero padding', () => {
    expect(failure(encryptRaw(Buffer.alloc(32, 0)))).toBe('invalid padding');
  });

  it('a payload that is all padding is too short, not badly padded', () => {
    expect(failure(encryptRaw(Buffer.alloc(32, 32)))).toBe('decrypted payload too short');
  });

  it('a bare header (exactly 20 bytes, empty message, no appid) reaches the appid check', () => {
    expect(failure(encryptRaw(padded(header(0), 12)))).toBe('appid mismatch');
  });

  it('a declared length that ends exactly at the payload end reaches the appid check', () => {
    const body = Buffer.concat([header(12), Buffer.from('twelve bytes')]); // 32
    expect(failure(encryptRaw(padded(body, 32)))).toBe('appid mismatch');
    const over = Buffer.concat([header(13), Buffer.from('twelve bytes')]);
    expect(failure(encryptRaw(padded(over, 32)))).toBe('declared message length exceeds payload');
  });

  it('refuses a message that is not valid UTF-8', () => {
    const body = Buffer.concat([header(2), Buffer.from([0xff, 0xfe]), Buffer.from(APP_ID)]);
    expect(failure(encryptRaw(padded(body, 24)))).toBe('decrypted message is not valid UTF-8');
  });

  it('names what is wrong with a bad EncodingAESKey or random prefix', () => {
    // 43 characters, but "-" is not base64: refused by the alphabet check, not by its length.
    expect(() => new WechatMessageCrypto(TOKEN, `${AES_KEY.slice(0, 42)}-`, APP_ID)).toThrow(
      new WechatCryptoError('EncodingAESKey must be 43 base64 characters'),
    );
    expect(() => crypto.encrypt('x', Buffer.alloc(15))).toThrow(
      new WechatCryptoError('random prefix must be 16 bytes'),
    );
  });
});
