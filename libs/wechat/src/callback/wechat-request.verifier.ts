import { BadRequestException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { wechatConfig, type WechatConfig } from '@app/core';
import { WechatCryptoError, WechatMessageCrypto } from '../crypto/wechat-message-crypto';
import { signaturesMatch, wechatSignature } from '../crypto/wechat-signature';
import { parseWechatXml, WechatXmlError } from '../xml/wechat-xml.codec';

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

/** Proves a request comes from WeChat and turns its body into message fields. */
@Injectable()
export class WechatRequestVerifier {
  private readonly crypto?: WechatMessageCrypto;

  constructor(@Inject(wechatConfig.KEY) private readonly cfg: WechatConfig) {
    if (cfg.encodingAesKey) {
      this.crypto = new WechatMessageCrypto(cfg.token, cfg.encodingAesKey, cfg.appId);
    }
  }

  /** GET /wx: the platform's server-verification handshake. */
  verifyEcho(q: CallbackQuery): string {
    this.verifySignature(q);
    if (!q.echostr) throw new BadRequestException('echostr is required');
    return q.echostr;
  }

  async readMessage(q: CallbackQuery, body: unknown): Promise<InboundMessage> {
    this.verifySignature(q);
    if (typeof body !== 'string' || body.trim() === '') {
      throw new BadRequestException('Expected an XML body (Content-Type: text/xml)');
    }
    if (q.encrypt_type !== 'aes') return { fields: await parse(body), encrypted: false };

    if (!this.crypto)
      throw new BadRequestException('Safe mode is not configured (WECHAT_ENCODING_AES_KEY)');
    // The envelope WeChat sends is tiny and fixed; read Encrypt without a full XML parse when it
    // has exactly that shape (base64 holds no markup), else parse it properly.
    const encrypt = ENVELOPE.exec(body)?.[1] ?? (await parse(body)).Encrypt;
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
    return { fields: await parse(inner), encrypted: true };
  }

  /** Encrypted passive reply envelope (safe mode) with a fresh timestamp and nonce. */
  encryptReply(xml: string): {
    encrypt: string;
    msgSignature: string;
    timestamp: string;
    nonce: string;
  } {
    if (!this.crypto) throw new Error('Safe mode is not configured');
    const encrypt = this.crypto.encrypt(xml);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = String(Math.floor(Math.random() * 1e10));
    return { encrypt, msgSignature: this.crypto.sign(timestamp, nonce, encrypt), timestamp, nonce };
  }

  private verifySignature(q: CallbackQuery): void {
    if (!q.signature || !q.timestamp || !q.nonce) {
      throw new UnauthorizedException('signature, timestamp and nonce are required');
    }
    const ts = Number(q.timestamp);
    const skew = Math.abs(Date.now() / 1000 - ts);
    if (!/^\d{1,12}$/.test(q.timestamp) || skew > this.cfg.timestampToleranceSeconds) {
      throw new UnauthorizedException('Stale or invalid timestamp');
    }
    const expected = wechatSignature(this.cfg.token, q.timestamp, q.nonce);
    if (!signaturesMatch(expected, q.signature))
      throw new UnauthorizedException('Invalid signature');
  }
}

const ENVELOPE =
  /^\s*<xml>\s*<ToUserName><!\[CDATA\[[^\]<]*\]\]><\/ToUserName>\s*<Encrypt><!\[CDATA\[([A-Za-z0-9+/=]+)\]\]><\/Encrypt>\s*<\/xml>\s*$/;

async function parse(xml: string): Promise<Record<string, string>> {
  try {
    return await parseWechatXml(xml);
  } catch (err) {
    if (err instanceof WechatXmlError)
      throw new BadRequestException(`Malformed message: ${err.message}`);
    throw err;
  }
}
