import { AdminRole } from '@app/admin';
import { type CouponTemplate, DiscountType, generateCouponCode } from '@app/coupon';
import { adminToken } from './support/admin-client';
import { activeTemplate } from './support/templates';
import { createTestApp, resetState, type TestApp } from './support/test-app';

const COUPONS = '/api/v1/admin/coupons';
const DAY = 86_400_000;

/** GET /coupons/{code}/quote: what redeeming would do, by the same rules, without doing it. */
describe('redemption quote (e2e)', () => {
  let t: TestApp;
  let clerk: string;
  let amount: CouponTemplate;
  let percent: CouponTemplate;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    await resetState(t);
    clerk = await adminToken(t.app, AdminRole.CLERK);
    amount = await activeTemplate(t.app, { amountCents: 1000, thresholdCents: 3000 });
    percent = await activeTemplate(t.app, {
      discountType: DiscountType.PERCENT,
      amountCents: undefined,
      percentOff: 15,
      maxDiscountCents: 2000,
    });
  });
  afterAll(() => t.close());

  async function coupon(templateId: number, status = 'AVAILABLE'): Promise<string> {
    seq += 1;
    const code = generateCouponCode();
    await t.db.query(
      `INSERT INTO coupon (code, template_id, openid, stock_seq, user_seq, request_key, channel,
         status, valid_from, valid_to, claimed_at)
       VALUES (?, ?, ?, ?, 1, ?, 'KEYWORD', ?, ?, ?, NOW())`,
      [
        code,
        templateId,
        `o-quote-${seq}`,
        seq,
        `q-${seq}`,
        status,
        new Date(Date.now() - DAY),
        new Date(Date.now() + DAY),
      ],
    );
    return code;
  }

  const quote = (code: string, orderAmount: string | number, token: string | null = clerk) =>
    t.app.inject({
      method: 'GET',
      url: `${COUPONS}/${code}/quote?orderAmount=${orderAmount}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('gives the discount and the amount to pay, and changes nothing', async () => {
    const code = await coupon(amount.id);
    const res = await quote(code.toLowerCase(), 5800);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      code,
      templateId: amount.id,
      templateName: amount.name,
      thresholdCents: 3000,
      orderAmountCents: 5800,
      usable: true,
      refusal: null,
      discountCents: 1000,
      payableCents: 4800,
    });
    const [row] = await t.db.query<{ status: string }[]>(
      'SELECT status FROM coupon WHERE code = ?',
      [code],
    );
    expect(row.status).toBe('AVAILABLE');
  });

  it('percent off is floored and capped, like redeeming', async () => {
    const code = await coupon(percent.id);
    expect((await quote(code, 999)).json()).toMatchObject({
      discountCents: 149,
      payableCents: 850,
    });
    expect((await quote(code, 100_000)).json()).toMatchObject({
      discountCents: 2000,
      payableCents: 98_000,
    });
  });

  it('says why a coupon cannot be used now, as redeeming would refuse it', async () => {
    const code = await coupon(amount.id);
    expect((await quote(code, 2999)).json()).toMatchObject({
      usable: false,
      refusal: { reason: 'BELOW_THRESHOLD' },
      discountCents: 0,
      payableCents: 2999,
    });
    const used = await coupon(amount.id, 'USED');
    expect((await quote(used, 5000)).json()).toMatchObject({
      usable: false,
      refusal: { reason: 'ALREADY_USED', message: 'Coupon has already been used' },
    });
    const revoked = await coupon(amount.id, 'REVOKED');
    expect((await quote(revoked, 5000)).json()).toMatchObject({ refusal: { reason: 'REVOKED' } });
  });

  it('answers bad input with a clear 4xx, and only to signed-in staff', async () => {
    const code = await coupon(amount.id);
    for (const bad of ['abc', '', '-1', '1.5', '1e3', '1000000001']) {
      const res = await quote(code, bad);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ details: [{ field: 'orderAmount' }] });
    }
    expect((await quote(generateCouponCode(), 100)).statusCode).toBe(404);
    expect((await quote('not-a-code', 100)).statusCode).toBe(400);
    expect((await quote(code, 100, null)).statusCode).toBe(401);
    const viewer = await adminToken(t.app, AdminRole.VIEWER);
    expect((await quote(code, 100, viewer)).statusCode).toBe(200);
  });
});
