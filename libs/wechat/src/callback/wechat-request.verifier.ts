import { createHash } from 'node:crypto';
import { BadRequestException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { randomBytesPooled, randomNonce, REDIS_CLIENT, type RedisClient } from '@app/core';
import { wechatConfig, type WechatConfig } from '../wechat.settings';
import { WechatCryptoError, WechatMessageCrypto } from '../crypto/wechat-message-crypto';
import { signaturesMatch, wechatSignature } from '../crypto/wechat-signature';
import { parseWechatXmlSync, WechatXmlError } from '../xml/wechat-xml.codec';

/** The /wx query, each parameter present at most once (a repeated one is refused, not guessed). */
export interface CallbackQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
  encrypt_type?: string;
  msg_signature?: string;
}

export interface InboundMessage {
  /** Flat fields of the (decrypted) message: ToUserName, FromUserName, MsgType, ... */
  fields: Record<string, string>;
  /** Safe mode: the reply must be encrypted too. */
  encrypted: boolean;
}

const QUERY_PARAMS = [
  'signature',
  'timestamp',
  'nonce',
  'echostr',
  'encrypt_type',
  'msg_signature',
];
/** The replay binding may wait this long for Redis before it lets the message through. */
const BIND_TIMEOUT_MS = 300;
/** Every push names its sender and the account; without them there is nobody to answer. */
const OPENID = /^[A-Za-z0-9_-]{1,64}$/;

/** Proves a request comes from WeChat and turns its body into message fields. */
@Injectable()
export class WechatRequestVerifier {
  private readonly crypto?: WechatMessageCrypto;

  constructor(
    @Inject(wechatConfig.KEY) private readonly cfg: WechatConfig,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
  ) {
    if (cfg.encodingAesKey) {
      this.crypto = new WechatMessageCrypto(cfg.token, cfg.encodingAesKey, cfg.appId);
    }
  }

  get safeMode(): boolean {
    return this.crypto !== undefined;
  }

  /** Fastify's parsed query, narrowed: a repeated parameter arrives as an array and is a 400. */
  callbackQuery(raw: unknown): CallbackQuery {
    const q = (raw ?? {}) as Record<string, unknown>;
    const out: Record<string, string> = {};
    for (const name of QUERY_PARAMS) {
      const v = q[name];
      if (v === undefined) continue;
      if (typeof v !== 'string') throw new BadRequestException(`${name} must be given once`);
      out[name] = v;
    }
    return out;
  }

  /** GET /wx: the platform's server-verification handshake. */
  verifyEcho(q: CallbackQuery): string {
    this.verifySignature(q);
    if (!q.echostr) throw new BadRequestException('echostr is required');
    return q.echostr;
  }

  /** Checks what the query alone can prove (before the body is read): signature and freshness;
   * and that a downgrade to plain mode is not being attempted. */
  verifySignature(q: CallbackQuery): void {
    if (!q.signature || !q.timestamp || !q.nonce) {
      throw new UnauthorizedException('signature, timestamp and nonce are required');
    }
    if (!/^\d{1,12}$/.test(q.timestamp))
      throw new UnauthorizedException('Stale or invalid timestamp');
    const skew = Math.abs(Date.now() / 1000 - Number(q.timestamp));
    if (skew > this.cfg.timestampToleranceSeconds) {
      throw new UnauthorizedException('Stale or invalid timestamp');
    }
    const expected = wechatSignature(this.cfg.token, q.timestamp, q.nonce);
    if (!signaturesMatch(expected, q.signature))
      throw new UnauthorizedException('Invalid signature');
  }

  /** POST /wx: plain requests must not be a downgrade of safe mode. */
  checkMode(q: CallbackQuery): void {
    if (q.encrypt_type === 'aes') {
      if (!this.crypto)
        throw new BadRequestException('Safe mode is not configured (WECHAT_ENCODING_AES_KEY)');
      if (!q.msg_signature) throw new UnauthorizedException('msg_signature is required');
      return;
    }
    if (q.encrypt_type !== undefined && q.encrypt_type !== 'raw') {
      throw new BadRequestException('encrypt_type must be aes or raw');
    }
    if (this.crypto && !this.cfg.acceptPlainMessages) {
      throw new UnauthorizedException(
        'Plain messages are refused: safe mode is configured (WECHAT_ACCEPT_PLAIN_MESSAGES)',
      );
    }
  }

  /** Decrypts (safe mode) and parses the body. Synchronous: the hot path awaits nothing here. */
  readMessage(q: CallbackQuery, body: unknown): InboundMessage {
    if (typeof body !== 'string' || body.trim() === '') {
      throw new BadRequestException('Expected an XML body (Content-Type: text/xml)');
    }
    if (q.encrypt_type !== 'aes') return { fields: messageFields(parse(body)), encrypted: false };
    if (!this.crypto)
      throw new BadRequestException('Safe mode is not configured (WECHAT_ENCODING_AES_KEY)');
    // The envelope WeChat sends is tiny and fixed; read Encrypt without a full XML parse when it
    // has exactly that shape (base64 holds no markup), else parse it properly.
    const encrypt = ENVELOPE.exec(body)?.[1] ?? parse(body).Encrypt;
    if (!encrypt) throw new BadRequestException('Encrypted message has no Encrypt element');
    const expected = this.crypto.sign(q.timestamp ?? '', q.nonce ?? '', encrypt);
    if (!signaturesMatch(expected, q.msg_signature))
      throw new UnauthorizedException('Invalid msg_signature');
    let inner: string;
    try {
      inner = this.crypto.decrypt(encrypt);
    } catch (err) {
      if (err instanceof WechatCryptoError)
        throw new BadRequestException(`Cannot decrypt message: ${err.message}`);
      throw err;
    }
    return { fields: messageFields(parse(inner)), encrypted: true };
  }

  /**
   * Plain mode's signature covers only token, timestamp and nonce, not the body. Bind each triple
   * to the first body it came with (for the timestamp tolerance): the same body again is WeChat's
   * own retry; another body under a captured triple is a forgery (401). Safe mode needs no
   * binding: msg_signature covers the ciphertext.
   */
  async bindPlainSignature(q: CallbackQuery, body: string): Promise<void> {
    if (q.encrypt_type === 'aes') return;
    const bodyHash = createHash('sha1').update(body).digest('base64');
    const key = `wx:sig:${q.signature}:${q.timestamp}:${q.nonce}`;
    const ttl = this.cfg.timestampToleranceSeconds * 2;
    // Fails open, and fast: with Redis down the claim itself answers "busy" within the deadline,
    // and a 5xx here would only make WeChat retry into the same outage.
    const first = await Promise.race([
      this.redis.call('SET', key, bodyHash, 'EX', ttl, 'NX', 'GET').catch(() => null),
      new Promise<null>((resolve) => setTimeout(resolve, BIND_TIMEOUT_MS, null).unref()),
    ]);
    if (typeof first === 'string' && first !== bodyHash) {
      throw new UnauthorizedException('Signature already used for another message');
    }
  }

  /** Encrypted passive reply envelope (safe mode) with a fresh timestamp and nonce. */
  encryptReply(
    xml: string,
    nonce: string = randomNonce(),
  ): {
    encrypt: string;
    msgSignature: string;
    timestamp: string;
    nonce: string;
  } {
    if (!this.crypto) throw new Error('Safe mode is not configured');
    const encrypt = this.crypto.encrypt(xml, randomBytesPooled(16));
    const timestamp = String(Math.floor(Date.now() / 1000));
    return { encrypt, msgSignature: this.crypto.sign(timestamp, nonce, encrypt), timestamp, nonce };
  }
}

const ENVELOPE =
  /^\s*<xml>\s*<ToUserName><!\[CDATA\[[^\]<]*\]\]><\/ToUserName>\s*<Encrypt><!\[CDATA\[([A-Za-z0-9+/=]+)\]\]><\/Encrypt>\s*<\/xml>\s*$/;

function parse(xml: string): Record<string, string> {
  try {
    return parseWechatXmlSync(xml);
  } catch (err) {
    if (err instanceof WechatXmlError)
      throw new BadRequestException(`Malformed message: ${err.message}`);
    throw err;
  }
}

/** A message must say who sent it, to whom, and what it is before anything acts on it. */
function messageFields(fields: Record<string, string>): Record<string, string> {
  if (!fields.FromUserName || !OPENID.test(fields.FromUserName)) {
    throw new BadRequestException('Message has no valid FromUserName');
  }
  if (!fields.ToUserName) throw new BadRequestException('Message has no ToUserName');
  if (!fields.MsgType) throw new BadRequestException('Message has no MsgType');
  return fields;
}
