import { randomFillSync } from 'node:crypto';

/** One system call fills this many bytes; the hot path draws a few dozen per claim. */
const POOL_BYTES = 16 * 1024;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let offset = POOL_BYTES;

/**
 * Cryptographically random bytes drawn from a pooled buffer (Node's randomUUID does the same):
 * many small draws cost one randomFillSync instead of one each. The result is a fresh copy, so
 * callers may keep or modify it.
 */
export function randomBytesPooled(size: number): Buffer {
  if (size > POOL_BYTES) return randomFillSync(Buffer.allocUnsafe(size));
  if (offset + size > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.allocUnsafe(size);
  pool.copy(out, 0, offset, offset + size);
  offset += size;
  return out;
}

/** A decimal nonce for WeChat envelopes (what its own SDKs send: digits only). */
export function randomNonce(): string {
  return String(randomBytesPooled(6).readUIntBE(0, 6));
}
