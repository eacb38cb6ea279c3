import { randomBytes } from 'node:crypto';

/**
 * A UUIDv7 (RFC 9562): 48-bit Unix ms time, then random bits. Time-ordered ids keep the MySQL
 * primary key append-mostly and make "time desc, event id desc" a natural, stable order.
 */
export function newEventId(now = Date.now(), bytes: Buffer = randomBytes(16)): string {
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
