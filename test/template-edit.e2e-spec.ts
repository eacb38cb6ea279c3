import { AdminRole } from '@app/admin';
import { adminToken } from './support/admin-client';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { templateBody } from './support/templates';
import { type SimulatedRequest, WechatSimulator } from './support/wechat-simulator';
import { TEST_ENV } from './setup/test-env';
import { codeIn, wxClient } from './support/wx-client';

const BASE = '/api/v1/admin/coupon-templates';
const sim = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });

describe('template editing, daily cap and 我的优惠券 (e2e)', () => {
  let t: TestApp;
  let marketer: string;

  beforeAll(async () => {
    t = await createTestApp({
      COUPON_EXPIRY_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'error',
      WECHAT_ENCODING_AES_KEY: '',
    });
    await resetState(t);
    marketer = await adminToken(t.app, AdminRole.MARKETER);
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${marketer}` } });
  const create = async (overrides = {}) =>
    (await call('POST', BASE, templateBody(overrides))).json<{ id: number; version: number }>();
  const say = (req: SimulatedRequest) => wxClient(t).send(sim, req);
  const rows = async (id: number) =>
    Number(
      (
        await t.db.query<{ n: string }[]>(
          'SELECT COUNT(*) AS n FROM coupon WHERE template_id = ?',
          [id],
        )
      )[0].n,
    );

  it('a DRAFT may change anything, validated like create; every change bumps version', async () => {
    const d = await create();
    const res = await call('PATCH', `${BASE}/${d.id}`, {
      discountType: 'PERCENT',
      percentOff: 20,
      totalQuantity: 5,
      dailyLimit: 3,
      usableWeekdays: [1, 2, 3],
      usableTimeStart: '10:00',
      usableTimeEnd: '22:00',
      expectedVersion: d.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      discountType: 'PERCENT',
      percentOff: 20,
      amountCents: null,
      totalQuantity: 5,
      dailyLimit: 3,
      usableWeekdays: [1, 2, 3],
      version: d.version + 1,
    });
    const bad = await call('PATCH', `${BASE}/${d.id}`, { usableTimeEnd: '09:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('usableTimeEnd');
    expect((await call('PATCH', `${BASE}/${d.id}`, { percentOff: 100 })).statusCode).toBe(400);
    expect((await call('PATCH', `${BASE}/${d.id}`, { surprise: 1 })).statusCode).toBe(400);
    expect((await call('PATCH', `${BASE}/999999`, { name: 'x' })).statusCode).toBe(404);
  });

  it('expectedVersion mismatch is 409; concurrent edits: one wins per version', async () => {
    const d = await create();
    const stale = await call('PATCH', `${BASE}/${d.id}`, {
      name: 'A',
      expectedVersion: d.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        call('PATCH', `${BASE}/${d.id}`, { name: `N${i}`, expectedVersion: d.version }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(4);
  });

  it('live: only name, description, more stock and a later end; the rest is 409', async () => {
    const d = await create({ totalQuantity: 10 });
    await call('POST', `${BASE}/${d.id}/activate`);
    const ok = await call('PATCH', `${BASE}/${d.id}`, {
      name: '改名',
      description: '说明',
      totalQuantity: 20,
      claimEndsAt: new Date(Date.now() + 7_200_000).toISOString(),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '改名', totalQuantity: 20, remaining: 20 });
    const fields = await call('PATCH', `${BASE}/${d.id}`, { amountCents: 1, perUserLimit: 9 });
    expect(fields.statusCode).toBe(409);
    expect(fields.json().details).toEqual({ refusedFields: ['amountCents', 'perUserLimit'] });
    expect((await call('PATCH', `${BASE}/${d.id}`, { totalQuantity: 19 })).statusCode).toBe(409);
    expect(
      (await call('PATCH', `${BASE}/${d.id}`, { claimEndsAt: new Date().toISOString() }))
        .statusCode,
    ).toBe(409);
    await call('POST', `${BASE}/${d.id}/end`);
    expect((await call('PATCH', `${BASE}/${d.id}`, { name: 'x' })).statusCode).toBe(409);
  });

  it('raising stock while 200 followers claim through /wx never grants beyond the new total', async () => {
    const d = await create({ totalQuantity: 100, keyword: '抢券' });
    await call('POST', `${BASE}/${d.id}/activate`);
    const openids = Array.from({ length: 200 }, (_, i) => `o-rush-${i}`);
    const claims = openids.map((o) => say(sim.text(o, '抢券')));
    const raise = new Promise((r) => setTimeout(r, 5)).then(() =>
      call('PATCH', `${BASE}/${d.id}`, { totalQuantity: 150 }),
    );
    const [replies, raised] = await Promise.all([Promise.all(claims), raise]);
    expect(raised.statusCode).toBe(200);
    const granted = replies.filter((r) => r.includes('领取成功')).length;
    expect(granted).toBe(await rows(d.id));
    expect(granted).toBeLessThanOrEqual(150);
    // Followers refused before the raise try again: stock fills up to exactly the new total.
    const losers = openids.filter((_, i) => !replies[i].includes('领取成功'));
    await Promise.all(losers.map((o) => say(sim.text(o, '抢券'))));
    expect(await rows(d.id)).toBe(150);
    const [{ dup }] = await t.db.query<{ dup: string }[]>(
      'SELECT COUNT(*) - COUNT(DISTINCT openid) AS dup FROM coupon WHERE template_id = ?',
      [d.id],
    );
    expect(Number(dup)).toBe(0);
  });

  it('dailyLimit caps claims per China day with a friendly reply', async () => {
    const d = await create({ keyword: '每日券', dailyLimit: 2 });
    await call('POST', `${BASE}/${d.id}/activate`);
    const replies: string[] = [];
    for (const o of ['o-d1', 'o-d2', 'o-d3']) replies.push(await say(sim.text(o, '每日券')));
    expect(replies[0]).toContain('领取成功');
    expect(replies[1]).toContain('领取成功');
    expect(replies[2]).toContain('今日');
    expect(await rows(d.id)).toBe(2);
  });

  it('我的优惠券 lists the follower’s usable coupons with validity, or says there are none', async () => {
    const d = await create({ keyword: '我的券测试' });
    await call('POST', `${BASE}/${d.id}/activate`);
    expect(await say(sim.text('o-mine', '我的优惠券'))).toContain('没有可用的优惠券');
    const granted = await say(sim.text('o-mine', '我的券测试'));
    const code = codeIn(granted);
    const mine = await say(sim.text('o-mine', '我的优惠券'));
    expect(mine).toContain(code);
    expect(mine).toMatch(/有效期：\d{4}-\d{2}-\d{2} \d{2}:\d{2} 至/);
    await t.db.query('UPDATE coupon SET valid_to = ? WHERE code = ?', [
      new Date(Date.now() - 1000),
      code,
    ]);
    expect(await say(sim.text('o-mine', '我的优惠券'))).toContain('没有可用的优惠券');
  });
});
