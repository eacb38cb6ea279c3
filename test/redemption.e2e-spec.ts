import { AdminRole } from '@app/admin';
import { type CouponTemplate, CouponExpiryService, generateCouponCode } from '@app/coupon';
import { adminToken } from './support/admin-client';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';

const COUPONS = '/api/v1/admin/coupons';
const DAY = 86_400_000;

describe('redemption (核销), undo, revoke and expiry (e2e)', () => {
  let t: TestApp;
  let clerk: string;
  let marketer: string;
  let tpl: CouponTemplate;
  let seq = 0;

  beforeAll(async () => {
    // The expiry job is off: every rule below must hold without it.
    t = await createTestApp({ COUPON_EXPIRY_INTERVAL_SECONDS: '0', LOG_LEVEL: 'error' });
    await resetState(t);
    clerk = await adminToken(t.app, AdminRole.CLERK);
    marketer = await adminToken(t.app, AdminRole.MARKETER);
    tpl = await activeTemplate(t.app, { amountCents: 1000, thresholdCents: 3000 });
  });
  afterAll(() => t.close());

  /** A coupon row written directly (the claim path has its own tests). */
  async function coupon(
    opts: { templateId?: number; validFrom?: Date; validTo?: Date; status?: string } = {},
  ): Promise<string> {
    seq += 1;
    const code = generateCouponCode();
    const now = Date.now();
    await t.db.query(
      `INSERT INTO coupon (code, template_id, openid, stock_seq, user_seq, request_key, channel,
         status, valid_from, valid_to, claimed_at)
       VALUES (?, ?, ?, ?, 1, ?, 'KEYWORD', ?, ?, ?, ?)`,
      [
        code,
        opts.templateId ?? tpl.id,
        `o-red-${seq}`,
        100_000 + seq,
        `r-${seq}`,
        opts.status ?? 'AVAILABLE',
        opts.validFrom ?? new Date(now - DAY),
        opts.validTo ?? new Date(now + DAY),
        new Date(now),
      ],
    );
    return code;
  }

  const post = (url: string, token: string, payload: object) =>
    t.app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}` } });
  const redeem = (code: string, body: object, token = clerk) =>
    post(`${COUPONS}/${code}/redeem`, token, body);
  const statusOf = async (code: string) =>
    (await t.db.query<{ status: string }[]>('SELECT status FROM coupon WHERE code = ?', [code]))[0]
      .status;

  it('redeems an AMOUNT coupon and answers with discount and payable', async () => {
    const code = await coupon();
    const res = await redeem(code, { requestNo: 'R-1', orderAmountCents: 5000, storeId: 'S1' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code,
      status: 'USED',
      discountCents: 1000,
      payableCents: 4000,
      requestNo: 'R-1',
    });
    expect(Date.parse(res.json().redeemedAt)).toBeGreaterThan(Date.now() - 10_000);
    expect(await statusOf(code)).toBe('USED');
    const detail = await t.app.inject({
      method: 'GET',
      url: `${COUPONS}/${code.toLowerCase()}`,
      headers: { authorization: `Bearer ${clerk}` },
    });
    expect(detail.json()).toMatchObject({ status: 'USED', redemptions: [{ requestNo: 'R-1' }] });
  });

  it('replays the same requestNo with the same status and body; 409 when it names another code or amount', async () => {
    const code = await coupon();
    const first = await redeem(code, { requestNo: 'R-replay', orderAmountCents: 4000 });
    const again = await redeem(code, { requestNo: 'R-replay', orderAmountCents: 4000 });
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    const otherAmount = await redeem(code, { requestNo: 'R-replay', orderAmountCents: 4100 });
    expect(otherAmount.statusCode).toBe(409);
    expect(otherAmount.json().details).toEqual({ reason: 'REQUEST_NO_REUSED' });
    const otherCode = await redeem(await coupon(), {
      requestNo: 'R-replay',
      orderAmountCents: 4000,
    });
    expect(otherCode.statusCode).toBe(409);
  });

  it('20 concurrent redemptions of one code: exactly one succeeds, the rest are 409', async () => {
    const code = await coupon();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        redeem(code, { requestNo: `R-race-${i}`, orderAmountCents: 5000 }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    const [{ n }] = await t.db.query<{ n: string }[]>(
      "SELECT COUNT(*) AS n FROM coupon_redemption WHERE code = ? AND status = 'REDEEMED'",
      [code],
    );
    expect(Number(n)).toBe(1);
  });

  it('the same requestNo sent 10 times at once: one redemption, ten identical answers', async () => {
    const code = await coupon();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        redeem(code, { requestNo: 'R-same-burst', orderAmountCents: 5000 }),
      ),
    );
    expect(new Set(results.map((r) => r.statusCode))).toEqual(new Set([200]));
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
  });

  it('an expired coupon cannot be redeemed although the expiry job never ran', async () => {
    const code = await coupon({ validTo: new Date(Date.now() - 1000) });
    expect(await statusOf(code)).toBe('AVAILABLE');
    const res = await redeem(code, { requestNo: 'R-exp', orderAmountCents: 5000 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ statusCode: 409, details: { reason: 'EXPIRED' } });
    const notYet = await coupon({ validFrom: new Date(Date.now() + DAY) });
    const early = await redeem(notYet, { requestNo: 'R-early', orderAmountCents: 5000 });
    expect(early.json().details).toEqual({ reason: 'NOT_YET_VALID' });
  });

  it('422 below the threshold, 404 for an unknown code, 400 for a malformed code or body', async () => {
    const code = await coupon();
    const low = await redeem(code, { requestNo: 'R-low', orderAmountCents: 2999 });
    expect(low.statusCode).toBe(422);
    expect(low.json().details).toEqual({ reason: 'BELOW_THRESHOLD' });
    expect(
      (await redeem(generateCouponCode(), { requestNo: 'R-404', orderAmountCents: 1 })).statusCode,
    ).toBe(404);
    expect((await redeem('nope', { requestNo: 'R-400', orderAmountCents: 1 })).statusCode).toBe(
      400,
    );
    const bad = await redeem(code, { requestNo: 'R 400', orderAmountCents: -1 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<{ details: { field: string }[] }>()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['orderAmountCents', 'requestNo']);
  });

  it('PERCENT: floor(order * p / 100), capped by maxDiscountCents, never above the order', async () => {
    const pct = await activeTemplate(t.app, {
      discountType: 'PERCENT' as never,
      amountCents: undefined,
      percentOff: 15,
      maxDiscountCents: 500,
    });
    const a = await redeem(await coupon({ templateId: pct.id }), {
      requestNo: 'R-pct-1',
      orderAmountCents: 1999,
    });
    expect(a.json()).toMatchObject({ discountCents: 299, payableCents: 1700 });
    const b = await redeem(await coupon({ templateId: pct.id }), {
      requestNo: 'R-pct-2',
      orderAmountCents: 100_000,
    });
    expect(b.json()).toMatchObject({ discountCents: 500, payableCents: 99_500 });
    const free = await activeTemplate(t.app, { amountCents: 1000 });
    const c = await redeem(await coupon({ templateId: free.id }), {
      requestNo: 'R-amt-small',
      orderAmountCents: 600,
    });
    expect(c.json()).toMatchObject({ discountCents: 600, payableCents: 0 });
  });

  it('checks usage weekdays and hours (China time) at redemption', async () => {
    const china = new Date(Date.now() + 8 * 3_600_000);
    const today = china.getUTCDay() || 7;
    const other = (today % 7) + 1;
    const wrongDay = await activeTemplate(t.app, { usableWeekdays: [other] });
    const res = await redeem(await coupon({ templateId: wrongDay.id }), {
      requestNo: 'R-wd',
      orderAmountCents: 5000,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().details).toEqual({ reason: 'OUTSIDE_USAGE_WINDOW' });

    const hour = china.getUTCHours();
    const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
    // A one-hour window that is not now (or, at 23h, one that ended before now).
    const window = hour < 23 ? [hh(hour + 1), '23:59'] : ['00:00', hh(hour)];
    const wrongHour = await activeTemplate(t.app, {
      usableTimeStart: window[0],
      usableTimeEnd: window[1],
    });
    const res2 = await redeem(await coupon({ templateId: wrongHour.id }), {
      requestNo: 'R-hr',
      orderAmountCents: 5000,
    });
    expect(res2.json().details).toEqual({ reason: 'OUTSIDE_USAGE_WINDOW' });

    const rightDay = await activeTemplate(t.app, {
      usableWeekdays: [today],
      usableTimeStart: '00:00',
      usableTimeEnd: '23:59',
    });
    const ok = await redeem(await coupon({ templateId: rightDay.id }), {
      requestNo: 'R-ok-window',
      orderAmountCents: 5000,
    });
    // 23:59-24:00 China time is outside the window by design (end exclusive).
    expect(china.getUTCHours() === 23 && china.getUTCMinutes() === 59 ? 409 : 200).toBe(
      ok.statusCode,
    );
  });

  it('undo puts the coupon back (idempotent); EXPIRED when past validity; refused after the window', async () => {
    const code = await coupon();
    await redeem(code, { requestNo: 'R-undo', orderAmountCents: 5000 });
    const undo = () => post(`${COUPONS}/${code}/redeem/undo`, clerk, { requestNo: 'R-undo' });
    const first = await undo();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ code, status: 'AVAILABLE', requestNo: 'R-undo' });
    expect((await undo()).body).toBe(first.body);
    expect(await statusOf(code)).toBe('AVAILABLE');
    // The original requestNo is spent: a late retry must not silently re-redeem.
    expect((await redeem(code, { requestNo: 'R-undo', orderAmountCents: 5000 })).statusCode).toBe(
      409,
    );
    expect((await redeem(code, { requestNo: 'R-undo-2', orderAmountCents: 5000 })).statusCode).toBe(
      200,
    );

    const soon = await coupon({ validTo: new Date(Date.now() + 1500) });
    expect(
      (await redeem(soon, { requestNo: 'R-undo-exp', orderAmountCents: 5000 })).statusCode,
    ).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    const back = await post(`${COUPONS}/${soon}/redeem/undo`, clerk, { requestNo: 'R-undo-exp' });
    expect(back.json()).toMatchObject({ status: 'EXPIRED' });

    const old = await coupon();
    await redeem(old, { requestNo: 'R-undo-old', orderAmountCents: 5000 });
    await t.db.query('UPDATE coupon_redemption SET redeemed_at = ? WHERE request_no = ?', [
      new Date(Date.now() - 31 * 60_000),
      'R-undo-old',
    ]);
    const late = await post(`${COUPONS}/${old}/redeem/undo`, clerk, { requestNo: 'R-undo-old' });
    expect(late.statusCode).toBe(409);
    expect(late.json().details).toEqual({ reason: 'UNDO_WINDOW_PASSED' });
    expect(
      (await post(`${COUPONS}/${old}/redeem/undo`, clerk, { requestNo: 'R-none' })).statusCode,
    ).toBe(404);
  });

  it('revokes an AVAILABLE coupon with a reason; it cannot be redeemed or revoked again', async () => {
    const code = await coupon();
    const res = await post(`${COUPONS}/${code}/revoke`, marketer, { reason: '重复发放' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'REVOKED', revokeReason: '重复发放' });
    expect((await post(`${COUPONS}/${code}/revoke`, marketer, { reason: 'x' })).statusCode).toBe(
      409,
    );
    const r = await redeem(code, { requestNo: 'R-revoked', orderAmountCents: 5000 });
    expect(r.json()).toMatchObject({ statusCode: 409, details: { reason: 'REVOKED' } });
    expect(
      (await post(`${COUPONS}/${generateCouponCode()}/revoke`, marketer, { reason: 'x' }))
        .statusCode,
    ).toBe(404);
  });

  it('the expiry job expires 10,000 coupons in bounded batches and leaves valid ones alone', async () => {
    const past = new Date(Date.now() - DAY);
    const future = new Date(Date.now() + DAY);
    const expiring = await activeTemplate(t.app, { totalQuantity: 20_000 });
    for (let chunk = 0; chunk < 10; chunk++) {
      const rows = Array.from({ length: 1000 }, (_, i) => chunk * 1000 + i + 1);
      await t.db.query(
        `INSERT INTO coupon (code, template_id, openid, stock_seq, user_seq, request_key, channel,
           status, valid_from, valid_to, claimed_at) VALUES ${rows.map(() => "(?, ?, ?, ?, 1, ?, 'KEYWORD', 'AVAILABLE', ?, ?, ?)").join(',')}`,
        rows.flatMap((n) => [
          generateCouponCode(),
          expiring.id,
          `o-exp-${n}`,
          n,
          `x-${n}`,
          new Date(past.getTime() - DAY),
          past,
          new Date(past.getTime() - DAY),
        ]),
      );
    }
    const keep = await coupon({ templateId: expiring.id, validTo: future });
    const spy = jest.spyOn(t.db, 'query');
    const expired = await t.app.get(CouponExpiryService).expireDue(new Date(), 1000);
    const updates = spy.mock.calls.filter(([sql]) =>
      /UPDATE coupon SET status = 'EXPIRED'/.test(sql),
    );
    spy.mockRestore();
    expect(expired).toBeGreaterThanOrEqual(10_000);
    expect(updates.length).toBeGreaterThanOrEqual(10);
    expect(updates.every(([, params]) => (params as unknown[])[1] === 1000)).toBe(true);
    const [{ n }] = await t.db.query<{ n: string }[]>(
      "SELECT COUNT(*) AS n FROM coupon WHERE template_id = ? AND status = 'EXPIRED'",
      [expiring.id],
    );
    expect(Number(n)).toBe(10_000);
    expect(await statusOf(keep)).toBe('AVAILABLE');
    // Several instances at once only share the work.
    const again = await Promise.all([
      t.app.get(CouponExpiryService).expireDue(),
      t.app.get(CouponExpiryService).expireDue(),
    ]);
    expect(again).toEqual([0, 0]);
  });
});
