import { randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O, U, so a code read aloud at a till is unambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Crockford base32, 16 characters: what generateCouponCode() hands out. */
export const COUPON_CODE = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/** Random bytes behind one code (the claim path draws them from a pool). */
export const CODE_RANDOM_BYTES = 10;

/** 16 characters = 80 random bits: unguessable, and collisions are practically impossible
 * (UNIQUE(code) still guards the database). */
export function generateCouponCode(bytes: Buffer = randomBytes(CODE_RANDOM_BYTES)): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}
