import { toApiErrorBody } from '@app/core';
import { RuleViolation } from '../refusals/coupon-refusals';
import { decodeCursor, encodeCursor } from './page-cursor';

describe('page cursors', () => {
  it('round-trips the position (claimedAt to the ms, id as a string beyond 2^53)', () => {
    const at = { claimedAt: new Date('2026-03-02T10:00:00.123Z'), id: '18446744073709551615' };
    const raw = encodeCursor(at);
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/); // safe in a query string as is
    expect(decodeCursor(raw)).toEqual(at);
  });

  it.each([
    '',
    'not-a-cursor',
    Buffer.from('12.x').toString('base64url'),
    Buffer.from('1.2.3').toString('base64url'),
  ])('refuses %j as a 400 naming cursor', (raw) => {
    let err: unknown;
    try {
      decodeCursor(raw);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RuleViolation);
    expect(toApiErrorBody(err).statusCode).toBe(400);
    expect(JSON.stringify(toApiErrorBody(err))).toContain('cursor');
  });
});
