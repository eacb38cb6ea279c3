import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's SHA1 signature: sort the parts, concatenate, hex-encode the SHA1.
 * Used both for server verification (token, timestamp, nonce) and, with the
 * ciphertext as a fourth part, for `msg_signature` in safe mode.
 */
export function wechatSignature(...parts: string[]): string {
  // Default JS sort (UTF-16 code units) equals WeChat's byte order for the ASCII inputs it signs.
  const joined = [...parts].sort().join('');
  return createHash('sha1').update(joined, 'utf8').digest('hex');
}

/** Constant-time comparison so a forged signature cannot be found byte by byte via timing. */
export function signaturesMatch(expected: string, actual: string | undefined): boolean {
  if (typeof actual !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(actual, 'utf8');
  // timingSafeEqual throws on unequal lengths; signature length is public, so an early exit leaks nothing.
  return a.length === b.length && timingSafeEqual(a, b);
}
