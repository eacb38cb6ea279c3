import { HttpException } from '@nestjs/common';
import type { RedisClient } from '@app/core';
import { type WechatConfig } from '../wechat.settings';
import { WechatMessageCrypto } from '../crypto/wechat-message-crypto';
import { wechatSignature } from '../crypto/wechat-signature';
import { buildXml, parseWechatXml } from '../xml/wechat-xml.codec';
import { type CallbackQuery, WechatRequestVerifier } from './wechat-request.verifier';

const TOKEN = 'QDG6eK';
const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const APP_ID = 'wx5823bf96d3bd56c7';
const NOW_S = 1_780_000_000;
const cfg = (over: Partial<WechatConfig> = {}) =>
  ({
    token: TOKEN,
    appId: APP_ID,
    encodingAesKey: AES_KEY,
    timestampToleranceSeconds: 300,
    ...over,
  }) as WechatConfig;
// Redis is only used by the plain-mode replay binding, which has its own e2e spec.
const noRedis = {} as RedisClient;
const safe = new WechatRequestVerifier(cfg(), noRedis);
const plainOnly = new WechatRequestVerifier(cfg({ encodingAesKey: undefined }), noRedis);
/** What the /wx route does with a POST: query signature first, then the body. */
const read = (v: WechatRequestVerifier, q: CallbackQuery, body: unknown) => {
  v.verifySignature(q);
  return v.readMessage(q, body);
};
const crypto = new WechatMessageCrypto(TOKEN, AES_KEY, APP_ID);
const MSG = buildXml({ ToUserName: 'gh_x', FromUserName: 'o1', MsgType: 'text', Content: '券' });

function signed(ts = NOW_S, nonce = '12345'): CallbackQuery {
  const timestamp = String(ts);
  return { signature: wechatSignature(TOKEN, timestamp, nonce), timestamp, nonce };
}
function encrypted(xml = MSG, q = signed()) {
  const enc = crypto.encrypt(xml);
  return {
    q: {
      ...q,
      encrypt_type: 'aes',
      msg_signature: crypto.sign(q.timestamp as string, q.nonce as string, enc),
    },
    body: buildXml({ ToUserName: 'gh_x', Encrypt: enc }),
    enc,
  };
}
/** The same signature with its last hex digit changed (never a no-op). */
const flipLast = (sig: string): string => sig.slice(0, -1) + (sig.endsWith('0') ? '1' : '0');
async function outcome(fn: () => unknown): Promise<{ status: number; message: string } | 'ok'> {
  try {
    await fn();
    return 'ok';
  } catch (err) {
    if (!(err instanceof HttpException)) throw err;
    return { status: err.getStatus(), message: err.message };
  }
}

describe('WechatRequestVerifier', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW_S * 1000));
  afterEach(() => jest.restoreAllMocks());

  describe('signature and timestamp', () => {
    it('echoes echostr for a valid signature; 400 without echostr', async () => {
      expect(safe.verifyEcho({ ...signed(), echostr: 'abc' })).toBe('abc');
      expect(await outcome(() => safe.verifyEcho(signed()))).toEqual({
        status: 400,
        message: 'echostr is required',
      });
    });

    it.each(['signature', 'timestamp', 'nonce'] as const)('401 without %s', async (key) => {
      const q: CallbackQuery = { ...signed(), echostr: 'x' };
      delete q[key];
      expect(await outcome(() => safe.verifyEcho(q))).toEqual({
        status: 401,
        message: 'signature, timestamp and nonce are required',
      });
    });

    it('accepts a timestamp exactly at the tolerance, refuses one past it (both ways)', async () => {
      for (const ts of [NOW_S - 300, NOW_S + 300]) {
        expect(safe.verifyEcho({ ...signed(ts), echostr: 'x' })).toBe('x');
      }
      for (const ts of [NOW_S - 301, NOW_S + 301]) {
        expect(await outcome(() => safe.verifyEcho({ ...signed(ts), echostr: 'x' }))).toEqual({
          status: 401,
          message: 'Stale or invalid timestamp',
        });
      }
    });

    it.each(['1.78e9', '-1780000000', ` ${NOW_S}`, '1780000000000', '0x6a18c280'])(
      'refuses a timestamp that is not 1-12 digits: %p',
      async (timestamp) => {
        const q = { signature: wechatSignature(TOKEN, timestamp, 'n'), timestamp, nonce: 'n' };
        expect(await outcome(() => safe.verifyEcho({ ...q, echostr: 'x' }))).toEqual({
          status: 401,
          message: 'Stale or invalid timestamp',
        });
      },
    );

    it('401 for a signature made with another token or over other values', async () => {
      const q = signed();
      const forged = [
        { ...q, signature: wechatSignature('other', q.timestamp!, q.nonce!) },
        { ...q, nonce: '54321' },
        { ...q, signature: q.signature!.toUpperCase() },
      ];
      for (const f of forged) {
        expect(await outcome(() => safe.verifyEcho({ ...f, echostr: 'x' }))).toEqual({
          status: 401,
          message: 'Invalid signature',
        });
      }
    });
  });

  describe('readMessage', () => {
    it('parses a plain message', () => {
      expect(read(safe, signed(), MSG)).toEqual({
        fields: { ToUserName: 'gh_x', FromUserName: 'o1', MsgType: 'text', Content: '券' },
        encrypted: false,
      });
    });

    it.each([undefined, '', '   ', { xml: 1 }])('400 for a missing body %p', async (body) => {
      expect(await outcome(() => read(safe, signed(), body))).toEqual({
        status: 400,
        message: 'Expected an XML body (Content-Type: text/xml)',
      });
    });

    it('checks the signature before reading the body', async () => {
      expect(await outcome(() => read(safe, { ...signed(), nonce: 'x' }, ''))).toEqual({
        status: 401,
        message: 'Invalid signature',
      });
    });

    it('400 for malformed XML, naming the problem', async () => {
      expect(await outcome(() => read(safe, signed(), '<xml><a></xml>'))).toEqual({
        status: 400,
        message: 'Malformed message: malformed XML',
      });
    });

    it('decrypts a safe-mode message (fast path for the standard envelope)', async () => {
      const { q, body } = encrypted();
      expect(read(safe, q, body)).toEqual({
        fields: await parseWechatXml(MSG),
        encrypted: true,
      });
      // Any other shape of envelope is parsed properly.
      const { q: q2, enc } = encrypted();
      const odd = `<xml><Encrypt><![CDATA[${enc}]]></Encrypt><ToUserName>gh_x</ToUserName></xml>`;
      expect(read(safe, q2, odd)).toMatchObject({ encrypted: true });
      const spaced = `\n <xml>\n<ToUserName><![CDATA[gh_x]]></ToUserName>\n<Encrypt><![CDATA[${enc}]]></Encrypt>\n</xml>\n`;
      expect(read(safe, q2, spaced)).toMatchObject({ encrypted: true });
    });

    it('treats encrypt_type other than aes as plain mode (and a plain message must name its sender)', async () => {
      const { body } = encrypted();
      expect(await outcome(() => read(safe, { ...signed(), encrypt_type: 'raw' }, body))).toEqual({
        status: 400,
        message: 'Message has no valid FromUserName',
      });
      expect(read(safe, { ...signed(), encrypt_type: 'raw' }, MSG)).toMatchObject({
        encrypted: false,
        fields: { ToUserName: 'gh_x', FromUserName: 'o1' },
      });
    });

    it('400 in safe mode when no key is configured', async () => {
      const { q, body } = encrypted();
      expect(await outcome(() => read(plainOnly, q, body))).toEqual({
        status: 400,
        message: 'Safe mode is not configured (WECHAT_ENCODING_AES_KEY)',
      });
    });

    it('400 for an envelope without Encrypt', async () => {
      const { q } = encrypted();
      const body = buildXml({ ToUserName: 'gh_x' });
      expect(await outcome(() => read(safe, q, body))).toEqual({
        status: 400,
        message: 'Encrypted message has no Encrypt element',
      });
    });

    it('401 for a wrong or missing msg_signature', async () => {
      const { q, body } = encrypted();
      for (const msg_signature of [undefined, q.signature, flipLast(q.msg_signature)]) {
        expect(await outcome(() => read(safe, { ...q, msg_signature }, body))).toEqual({
          status: 401,
          message: 'Invalid msg_signature',
        });
      }
    });

    it('400 for ciphertext that does not decrypt, with the reason', async () => {
      const other = new WechatMessageCrypto(TOKEN, AES_KEY, 'wx0000000000000000');
      const enc = other.encrypt(MSG);
      const q = signed();
      const query = {
        ...q,
        encrypt_type: 'aes',
        msg_signature: crypto.sign(q.timestamp!, q.nonce!, enc),
      };
      expect(await outcome(() => read(safe, query, buildXml({ Encrypt: enc })))).toEqual({
        status: 400,
        message: 'Cannot decrypt message: appid mismatch',
      });
    });
  });

  describe('encryptReply', () => {
    it('encrypts with a fresh timestamp and nonce, signed so WeChat can verify it', () => {
      const r = safe.encryptReply(MSG);
      expect(r.timestamp).toBe(String(NOW_S));
      expect(r.nonce).toMatch(/^\d+$/);
      // Fresh per reply: a constant nonce would let a reply be replayed as another.
      const nonces = new Set(Array.from({ length: 5 }, () => safe.encryptReply(MSG).nonce));
      expect(nonces.size).toBeGreaterThan(1);
      expect(r.msgSignature).toBe(crypto.sign(r.timestamp, r.nonce, r.encrypt));
      expect(crypto.decrypt(r.encrypt)).toBe(MSG);
    });

    it('throws when safe mode is not configured', () => {
      expect(() => plainOnly.encryptReply(MSG)).toThrow('Safe mode is not configured');
    });
  });
});
