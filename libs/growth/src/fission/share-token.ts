import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a share link carries: never the sharer's openid, only our internal id. */
export interface SharePayload {
  campaignId: number;
  sharerId: number;
  /** Unix seconds: the campaign's end. */
  expiresAt: number;
}

export type ShareTokenProblem = 'MALFORMED' | 'FORGED' | 'EXPIRED' | 'OTHER_CAMPAIGN';

const VERSION = 1;
const BODY_BYTES = 13; // version(1) + campaign(4) + sharer(4) + expiry(4)
const MAC_BYTES = 16; // HMAC-SHA256 truncated to 128 bits: forging stays out of reach, links stay short

/**
 * Opaque, signed share-link tokens: base64url(version | campaign | sharer | expiry | mac). The key
 * is domain-separated from the secret, so sharing it with another signer cannot cross-forge.
 */
export class ShareTokenCodec {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('wxc-fission-share-v1').digest();
  }

  sign(p: SharePayload): string {
    const body = Buffer.alloc(BODY_BYTES);
    body.writeUInt8(VERSION, 0);
    body.writeUInt32BE(p.campaignId, 1);
    body.writeUInt32BE(p.sharerId, 5);
    body.writeUInt32BE(p.expiresAt, 9);
    return Buffer.concat([body, this.mac(body)]).toString('base64url');
  }

  /** The payload, or why the token is refused (constant-time MAC check before reading it). */
  verify(
    token: string,
    opts: { now?: number; campaignId?: number } = {},
  ): SharePayload | ShareTokenProblem {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(token)) return 'MALFORMED';
    const raw = Buffer.from(token, 'base64url');
    if (raw.length !== BODY_BYTES + MAC_BYTES || raw.toString('base64url') !== token) {
      return 'MALFORMED';
    }
    const body = raw.subarray(0, BODY_BYTES);
    if (!timingSafeEqual(raw.subarray(BODY_BYTES), this.mac(body))) return 'FORGED';
    if (body.readUInt8(0) !== VERSION) return 'FORGED';
    const payload = {
      campaignId: body.readUInt32BE(1),
      sharerId: body.readUInt32BE(5),
      expiresAt: body.readUInt32BE(9),
    };
    if (opts.campaignId !== undefined && payload.campaignId !== opts.campaignId) {
      return 'OTHER_CAMPAIGN';
    }
    const now = opts.now ?? Date.now();
    if (Math.floor(now / 1000) >= payload.expiresAt) return 'EXPIRED';
    return payload;
  }

  private mac(body: Buffer): Buffer {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, MAC_BYTES);
  }
}
