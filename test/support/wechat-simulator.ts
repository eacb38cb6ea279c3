import { randomBytes, randomInt } from 'node:crypto';
import {
  buildXml,
  parseWechatXml,
  signaturesMatch,
  WechatMessageCrypto,
  wechatSignature,
} from '@app/wechat';

export interface WechatSimulatorOptions {
  token: string;
  appId: string;
  /** When set, requests are sent in safe mode (encrypt_type=aes). */
  encodingAesKey?: string;
  /** ToUserName of the official account; default 'gh_test'. */
  accountId?: string;
}

export interface SimulatedRequest {
  query: Record<string, string>;
  /** '/wx?' + querystring */
  url: string;
  body: string;
}

export interface SignOptions {
  timestamp?: number;
  nonce?: string;
  /** Added to the query as WeChat does for pushes; omitted when not given. */
  openid?: string;
}

/** Builds `/wx` callback requests byte-for-byte the way the WeChat platform sends them. */
export class WechatSimulator {
  private readonly accountId: string;
  private readonly crypto?: WechatMessageCrypto;

  constructor(private readonly opts: WechatSimulatorOptions) {
    this.accountId = opts.accountId ?? 'gh_test';
    if (opts.encodingAesKey !== undefined) {
      this.crypto = new WechatMessageCrypto(opts.token, opts.encodingAesKey, opts.appId);
    }
  }

  text(openid: string, content: string, msgId?: string, createTime?: number): SimulatedRequest {
    const xml = buildXml({
      ...this.header(openid, 'text', createTime),
      Content: content,
      MsgId: msgId ?? uniqueMsgId(),
    });
    return this.sign(xml, { openid });
  }

  click(openid: string, eventKey: string, createTime?: number): SimulatedRequest {
    return this.event(openid, 'CLICK', { EventKey: eventKey }, createTime);
  }

  /** eventKey is e.g. 'qrscene_123' for a follow via parametric QR code; the platform sends it empty otherwise. */
  subscribe(openid: string, eventKey?: string, createTime?: number): SimulatedRequest {
    return this.event(openid, 'subscribe', { EventKey: eventKey ?? '' }, createTime);
  }

  event(
    openid: string,
    event: string,
    extra: Record<string, string> = {},
    createTime?: number,
  ): SimulatedRequest {
    const xml = buildXml({ ...this.header(openid, 'event', createTime), Event: event, ...extra });
    return this.sign(xml, { openid });
  }

  /** Raw XML body signed for the current mode (useful for malformed-input tests). */
  sign(body: string, opts: SignOptions = {}): SimulatedRequest {
    const timestamp = String(opts.timestamp ?? nowSeconds());
    const nonce = opts.nonce ?? randomNonce();
    const query: Record<string, string> = {
      signature: wechatSignature(this.opts.token, timestamp, nonce),
      timestamp,
      nonce,
    };
    if (opts.openid !== undefined) query.openid = opts.openid;
    if (!this.crypto) return withUrl(query, body);

    const encrypted = this.crypto.encrypt(body);
    query.encrypt_type = 'aes';
    query.msg_signature = this.crypto.sign(timestamp, nonce, encrypted);
    return withUrl(query, buildXml({ ToUserName: this.accountId, Encrypt: encrypted }));
  }

  /** Safe mode: an envelope around ciphertext we choose (e.g. tampered), signed correctly. */
  signEncrypted(encrypted: string, opts: SignOptions = {}): SimulatedRequest {
    if (!this.crypto) throw new Error('signEncrypted needs safe mode (encodingAesKey)');
    const timestamp = String(opts.timestamp ?? nowSeconds());
    const nonce = opts.nonce ?? randomNonce();
    const query: Record<string, string> = {
      signature: wechatSignature(this.opts.token, timestamp, nonce),
      timestamp,
      nonce,
      encrypt_type: 'aes',
      msg_signature: this.crypto.sign(timestamp, nonce, encrypted),
    };
    return withUrl(query, buildXml({ ToUserName: this.accountId, Encrypt: encrypted }));
  }

  /** GET /wx server verification; plain signature even in safe mode, as the platform does. */
  verification(
    echostr: string,
    timestamp?: number,
  ): { query: Record<string, string>; url: string } {
    const ts = String(timestamp ?? nowSeconds());
    const nonce = randomNonce();
    const query = {
      signature: wechatSignature(this.opts.token, ts, nonce),
      echostr,
      timestamp: ts,
      nonce,
    };
    return { query, url: toUrl(query) };
  }

  /**
   * Parses our passive reply. In safe mode it checks MsgSignature and decrypts first.
   * 'success' / empty body (WeChat's "no reply") yields {}.
   */
  async readReply(body: string): Promise<Record<string, string>> {
    if (body === '' || body === 'success') return {};
    const fields = await parseWechatXml(body);
    if (!this.crypto) return fields;

    const { Encrypt, MsgSignature, TimeStamp, Nonce } = fields;
    if (!Encrypt || !MsgSignature || !TimeStamp || !Nonce) {
      throw new Error('encrypted reply is missing Encrypt/MsgSignature/TimeStamp/Nonce');
    }
    if (!signaturesMatch(this.crypto.sign(TimeStamp, Nonce, Encrypt), MsgSignature)) {
      throw new Error('reply MsgSignature does not verify');
    }
    return parseWechatXml(this.crypto.decrypt(Encrypt));
  }

  private header(
    openid: string,
    msgType: string,
    createTime?: number,
  ): Record<string, string | number> {
    return {
      ToUserName: this.accountId,
      FromUserName: openid,
      CreateTime: createTime ?? nowSeconds(),
      MsgType: msgType,
    };
  }
}

function withUrl(query: Record<string, string>, body: string): SimulatedRequest {
  return { query, url: toUrl(query), body };
}

function toUrl(query: Record<string, string>): string {
  return `/wx?${new URLSearchParams(query).toString()}`;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** WeChat nonces are short decimal strings. */
function randomNonce(): string {
  return String(randomInt(100_000_000, 2_000_000_000));
}

/** 19-digit id like real MsgIds; 63 random bits make collisions negligible even across bench workers. */
function uniqueMsgId(): string {
  const r = randomBytes(8).readBigUInt64BE();
  return String((r % 8_000_000_000_000_000_000n) + 1_000_000_000_000_000_000n);
}
