import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Envelope format version; the first field of every stored value. */
const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** HKDF `info` labels: each derived key has one purpose, never the raw encryption key bytes. */
const BLIND_INDEX_INFO = 'wx-coupon/pii/blind-index/v1';
export const PII_KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

/** A value that cannot be decrypted: unknown key id, malformed envelope, wrong key or tampering. */
export class PiiDecryptionError extends Error {
  override readonly name = 'PiiDecryptionError';
}

export interface PiiKeyring {
  /** Key id new values are encrypted with. */
  activeKeyId: string;
  /** Every key still needed to decrypt stored values, by id (the active one included). */
  keys: ReadonlyMap<string, Buffer>;
  /**
   * Key the blind-index key is derived from. It must stay the same across encryption-key
   * rotations, or every stored index would have to be recomputed; defaults to the active key.
   */
  indexKeyId?: string;
}

/** 32 bytes given as 64 hex or 44 base64 characters (the PII_ENCRYPTION_KEY format). */
export function parsePiiKey(raw: string): Buffer {
  const s = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64');
  if (key.length !== KEY_BYTES) throw new Error('PII key must be 32 bytes (64 hex or 44 base64)');
  return key;
}

/**
 * Field-level encryption of personal data (phone numbers) with AES-256-GCM: a fresh random 12-byte
 * IV per value, the 16-byte auth tag stored with it, and `v1:<kid>` plus a caller-chosen context
 * (e.g. `follower.phone`) authenticated as AAD, so a value cannot be moved to another column or
 * have its key id swapped unnoticed. Stored as `v1:<kid>:<iv b64>:<tag b64>:<ct b64>`; the key id
 * lets old values stay readable after a new key becomes active.
 *
 * Ciphertext is randomized, so equality lookups use `blindIndex()`: HMAC-SHA256 under a key derived
 * from the PII key with HKDF (different bytes from the encryption key).
 */
export class PiiCipher {
  private readonly activeKeyId: string;
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly indexKey: Buffer;

  constructor(keyring: PiiKeyring) {
    for (const [kid, key] of keyring.keys) {
      if (!PII_KEY_ID.test(kid)) throw new Error(`PII key id "${kid}" must match ${PII_KEY_ID}`);
      if (key.length !== KEY_BYTES) throw new Error(`PII key "${kid}" must be 32 bytes`);
    }
    const indexKeyId = keyring.indexKeyId ?? keyring.activeKeyId;
    const active = keyring.keys.get(keyring.activeKeyId);
    const indexSource = keyring.keys.get(indexKeyId);
    if (!active)
      throw new Error(`active PII key id "${keyring.activeKeyId}" is not in the keyring`);
    if (!indexSource) throw new Error(`PII index key id "${indexKeyId}" is not in the keyring`);
    this.activeKeyId = keyring.activeKeyId;
    this.keys = new Map(keyring.keys);
    this.indexKey = Buffer.from(
      hkdfSync('sha256', indexSource, Buffer.alloc(0), BLIND_INDEX_INFO, KEY_BYTES),
    );
  }

  /** One configured key (PII_ENCRYPTION_KEY) under its id (PII_ENCRYPTION_KEY_ID). */
  static fromKey(rawKey: string, keyId = 'k1'): PiiCipher {
    return new PiiCipher({ activeKeyId: keyId, keys: new Map([[keyId, parsePiiKey(rawKey)]]) });
  }

  get keyId(): string {
    return this.activeKeyId;
  }

  encrypt(plaintext: string, context: string): string {
    const key = this.keys.get(this.activeKeyId) as Buffer;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(this.activeKeyId, context));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [FORMAT, this.activeKeyId, b64(iv), b64(tag), b64(ct)].join(':');
  }

  decrypt(stored: string, context: string): string {
    const parts = stored.split(':');
    if (parts.length !== 5 || parts[0] !== FORMAT) {
      throw new PiiDecryptionError('PII value is not a v1 envelope (v1:<kid>:<iv>:<tag>:<ct>)');
    }
    const [, kid, ivB64, tagB64, ctB64] = parts;
    const key = this.keys.get(kid);
    if (!key) throw new PiiDecryptionError(`unknown PII key id "${kid}" (not in the keyring)`);
    const iv = Buffer.from(ivB64, 'base64');
    const tag = Buffer.from(tagB64, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new PiiDecryptionError('PII value has a malformed IV or auth tag');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad(kid, context));
      decipher.setAuthTag(tag);
      const pt = Buffer.concat([decipher.update(Buffer.from(ctB64, 'base64')), decipher.final()]);
      return pt.toString('utf8');
    } catch {
      throw new PiiDecryptionError(
        `PII value failed authentication under key "${kid}" (wrong key, context or tampered data)`,
      );
    }
  }

  /** Deterministic keyed hash for equality lookups; `context` separates fields (same as encrypt). */
  blindIndex(normalized: string, context: string): string {
    return createHmac('sha256', this.indexKey)
      .update(`${context}\u0000${normalized}`, 'utf8')
      .digest('hex');
  }
}

function aad(kid: string, context: string): Buffer {
  return Buffer.from(`${FORMAT}:${kid}:${context}`, 'utf8');
}

function b64(b: Buffer): string {
  return b.toString('base64');
}
