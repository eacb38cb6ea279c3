import { isUtf8 } from 'node:buffer';
import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { wechatSignature } from './wechat-signature';

export class WechatCryptoError extends Error {
  override name = 'WechatCryptoError';
}

const ENCODING_AES_KEY = /^[A-Za-z0-9+/]{43}$/;
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const KEY_BYTES = 32;
const IV_BYTES = 16;
const RANDOM_BYTES = 16;
const LENGTH_BYTES = 4;
const HEADER_BYTES = RANDOM_BYTES + LENGTH_BYTES;
const AES_BLOCK = 16;
/** WeChat pads to 32-byte blocks (its PKCS#7 variant), not AES's 16. */
const PAD_BLOCK = 32;

/**
 * WeChat Official Account "safe mode" message crypto (the WXBizMsgCrypt scheme):
 * AES-256-CBC, key = base64(EncodingAESKey + '='), IV = key[0..16),
 * plaintext = random(16) ‖ uint32be(len(msg)) ‖ msg ‖ appId, padded to 32 bytes.
 */
export class WechatMessageCrypto {
  /** A KeyObject, imported once: each message's cipher then skips re-importing raw key bytes. */
  private readonly key: KeyObject;
  private readonly iv: Buffer;

  constructor(
    private readonly token: string,
    encodingAesKey: string,
    private readonly appId: string,
  ) {
    const raw = decodeEncodingAesKey(encodingAesKey);
    this.key = createSecretKey(raw);
    this.iv = Buffer.from(raw.subarray(0, IV_BYTES));
  }

  encrypt(plainXml: string, random16: Buffer = randomBytes(RANDOM_BYTES)): string {
    if (random16.length !== RANDOM_BYTES) {
      throw new WechatCryptoError(`random prefix must be ${RANDOM_BYTES} bytes`);
    }
    const msg = Buffer.from(plainXml, 'utf8');
    const length = Buffer.alloc(LENGTH_BYTES);
    length.writeUInt32BE(msg.length, 0);
    const plain = pkcs7Pad(Buffer.concat([random16, length, msg, Buffer.from(this.appId, 'utf8')]));
    const cipher = createCipheriv('aes-256-cbc', this.key, this.iv).setAutoPadding(false);
    return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
  }

  decrypt(encrypted: string): string {
    const plain = pkcs7Unpad(this.decryptBlocks(decodeCiphertext(encrypted)));
    if (plain.length < HEADER_BYTES) {
      throw new WechatCryptoError('decrypted payload too short');
    }
    const msgLength = plain.readUInt32BE(RANDOM_BYTES);
    const msgEnd = HEADER_BYTES + msgLength;
    if (msgEnd > plain.length) {
      throw new WechatCryptoError('declared message length exceeds payload');
    }
    if (plain.subarray(msgEnd).toString('utf8') !== this.appId) {
      throw new WechatCryptoError('appid mismatch');
    }
    const msg = plain.subarray(HEADER_BYTES, msgEnd);
    if (!isUtf8(msg)) throw new WechatCryptoError('decrypted message is not valid UTF-8');
    return msg.toString('utf8');
  }

  /** `msg_signature` / `MsgSignature` over the ciphertext. */
  sign(timestamp: string, nonce: string, encrypted: string): string {
    return wechatSignature(this.token, timestamp, nonce, encrypted);
  }

  private decryptBlocks(data: Buffer): Buffer {
    try {
      const decipher = createDecipheriv('aes-256-cbc', this.key, this.iv).setAutoPadding(false);
      return Buffer.concat([decipher.update(data), decipher.final()]);
    } catch {
      // Deliberately generic: the underlying error adds nothing and must not echo key material.
      throw new WechatCryptoError('AES decryption failed');
    }
  }
}

function decodeEncodingAesKey(encodingAesKey: string): Buffer {
  if (!ENCODING_AES_KEY.test(encodingAesKey)) {
    throw new WechatCryptoError('EncodingAESKey must be 43 base64 characters');
  }
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new WechatCryptoError(`EncodingAESKey must decode to ${KEY_BYTES} bytes`);
  }
  return key;
}

/** Buffer.from(.., 'base64') silently skips junk, so validate the alphabet first. */
function decodeCiphertext(encrypted: string): Buffer {
  if (encrypted.length === 0 || !STRICT_BASE64.test(encrypted)) {
    throw new WechatCryptoError('ciphertext is not valid base64');
  }
  const data = Buffer.from(encrypted, 'base64');
  if (data.length === 0 || data.length % AES_BLOCK !== 0) {
    throw new WechatCryptoError('ciphertext length is not a multiple of the AES block size');
  }
  return data;
}

function pkcs7Pad(data: Buffer): Buffer {
  const pad = PAD_BLOCK - (data.length % PAD_BLOCK);
  return Buffer.concat([data, Buffer.alloc(pad, pad)]);
}

function pkcs7Unpad(data: Buffer): Buffer {
  const pad = data[data.length - 1];
  if (pad === undefined || pad < 1 || pad > PAD_BLOCK || pad > data.length) {
    throw new WechatCryptoError('invalid padding');
  }
  for (let i = data.length - pad; i < data.length; i++) {
    if (data[i] !== pad) throw new WechatCryptoError('invalid padding');
  }
  return data.subarray(0, data.length - pad);
}
