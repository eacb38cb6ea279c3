import { AdminRole } from '@app/admin';
import { AuditRecorder } from '@app/core';
import { generateCouponCode } from '@app/coupon';
import { adminToken } from './support/admin-client';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';

const DAY = 86_400_000;

/** Issue #10 item 7: a till's retry is never told "used" for its own redemption. */
describe('redemption idempotency under concurrency (e2e)', () => {
  let t: TestApp;
  let clerk: string;
  let templateId: number;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({ COUPON_EXPIRY_INTERVAL_SECONDS: '0' });
    await resetState(t);
    clerk = await adminToken(t.app, AdminRole.CLERK);
    templateId = (await activeTemplate(t.app, { amountCents: 500 })).id;
  });
  afterAll(() => t.close());

  async function coupon(): Promise<string> {
    seq += 1;
    const code = generateCouponCode();
    await t.db.query(
      `INSERT INTO coupon (code, template_id, openid, stock_seq, user_seq, request_key, channel,
         status, valid_from, valid_to, claimed_at)
       VALUES (?, ?, ?, ?, 1, ?, 'KEYWORD', 'AVAILABLE', ?, ?, ?)`,
      [
        code,
        templateId,
        `o-race-${seq}`,
        seq,
        `rk-race-${seq}`,
        new Date(Date.now() - DAY),
        new Date(Date.now() + DAY),
        new Date(),
      ],
    );
    return code;
  }
  const redeem = (code: string, body: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/coupons/${code}/redeem`,
      payload: body,
      headers: { authorization: `Bearer ${clerk}` },
    });

  it('every concurrent request with the same requestNo and body gets the same 200; none is audited as refused', async () => {
    // Calls through: the events still go to the real audit pipeline; we only read them here.
    const spy = jest.spyOn(t.app.get(AuditRecorder), 'record');
    const recorded = () => spy.mock.calls.map(([e]) => e);
    try {
      for (let round = 0; round < 8; round++) {
        const code = await coupon();
        const body = { requestNo: `TILL-${round}`, orderAmountCents: 2000 };
        const results = await Promise.all(Array.from({ length: 6 }, () => redeem(code, body)));
        expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(200));
        expect(new Set(results.map((r) => r.body)).size).toBe(1);
      }
      expect(recorded().filter((e) => e.outcome === 'REJECTED')).toEqual([]);
      expect(recorded().filter((e) => e.outcome === 'REDEEMED')).toHaveLength(8);
    } finally {
      spy.mockRestore();
    }
  });

  it('requestNo is case-sensitive: SAME-1 and same-1 are two redemptions', async () => {
    const a = await coupon();
    const b = await coupon();
    const upper = await redeem(a, { requestNo: 'SAME-1', orderAmountCents: 2000 });
    const lower = await redeem(b, { requestNo: 'same-1', orderAmountCents: 2000 });
    expect(upper.statusCode).toBe(200);
    expect(lower.statusCode).toBe(200);
    expect(lower.json()).toMatchObject({ code: b, requestNo: 'same-1' });
    const rows = await t.db.query<{ request_no: string; code: string }[]>(
      "SELECT request_no, code FROM coupon_redemption WHERE request_no IN ('SAME-1', 'same-1') ORDER BY code",
    );
    expect(rows.map((r) => [r.code, r.request_no]).sort()).toEqual(
      [
        [a, 'SAME-1'],
        [b, 'same-1'],
      ].sort(),
    );
    // Undo finds exactly its own.
    const undo = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/coupons/${b}/redeem/undo`,
      payload: { requestNo: 'SAME-1' },
      headers: { authorization: `Bearer ${clerk}` },
    });
    expect(undo.statusCode).toBe(404);
  });
});
