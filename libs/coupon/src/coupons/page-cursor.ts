import { RuleViolation } from '../refusals/coupon-refusals';

/** Position after the last row of a page in (claimed_at desc, id desc) order. */
export interface PageCursor {
  claimedAt: Date;
  id: string;
}

export function encodeCursor(c: PageCursor): string {
  return Buffer.from(`${c.claimedAt.getTime()}.${c.id}`).toString('base64url');
}

export function decodeCursor(raw: string): PageCursor {
  const m = /^(\d{1,15})\.(\d{1,20})$/.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  if (!m) throw RuleViolation.of('cursor', 'cursor is not a valid page cursor');
  return { claimedAt: new Date(Number(m[1])), id: m[2] };
}
