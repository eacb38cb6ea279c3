import { AdminRole } from '@app/admin';
import { type CouponTemplate, generateCouponCode } from '@app/coupon';
import { adminToken } from './support/admin-client';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';

const COUPONS = '/api/v1/admin/coupons';

describe('admin: coupon search, detail, CSV and stats (e2e)', () => {
  let t: TestApp;
  let viewer: string;
  let clerk: string;
  let tpl: CouponTemplate;
  let other: CouponTemplate;
  let seq = 0;
  const base = Date.parse('2026-01-01T00:00:00.000Z');

  beforeAll(async () => {
    t = await createTestApp({ COUPON_EXPIRY_INTERVAL_SECONDS: '0', LOG_LEVEL: 'error' });
    await resetState(t);
    viewer = await adminToken(t.app, AdminRole.VIEWER);
    clerk = await adminToken(t.app, AdminRole.CLERK);
    tpl = await activeTemplate(t.app, { totalQuantity: 1000 });
    other = await activeTemplate(t.app);
    // 30 coupons, some sharing a claimed_at so the id tie-break matters.
    for (let i = 0; i < 30; i++)
      await insert(tpl.id, `o-${i % 3}`, new Date(base + Math.floor(i / 2) * 60_000));
    await insert(other.id, 'o-other', new Date(base));
  });
  afterAll(() => t.close());

  async function insert(
    templateId: number,
    openid: string,
    claimedAt: Date,
    opts: { code?: string; status?: string } = {},
  ) {
    seq += 1;
    const code = opts.code ?? generateCouponCode();
    await t.db.query(
      `INSERT INTO coupon (code, template_id, openid, stock_seq, user_seq, request_key, channel,
         status, valid_from, valid_to, claimed_at)
       VALUES (?, ?, ?, ?, ?, ?, 'KEYWORD', ?, ?, ?, ?)`,
      [
        code,
        templateId,
        openid,
        seq,
        seq,
        `k-${seq}`,
        opts.status ?? 'AVAILABLE',
        claimedAt,
        new Date(Date.now() + 86_400_000),
        claimedAt,
      ],
    );
    return code;
  }
  const get = (url: string, token = viewer) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  it('filters by template, openid, status, claimed range and code', async () => {
    const allRes = await get(`${COUPONS}?templateId=${tpl.id}&pageSize=100`);
    const all = allRes.json();
    expect(all.items).toHaveLength(30);
    expect(all.nextCursor).toBeNull();
    const mine: { items: { openid: string }[] } = (
      await get(`${COUPONS}?templateId=${tpl.id}&openid=o-1&pageSize=100`)
    ).json();
    expect(mine.items).toHaveLength(10);
    expect(mine.items.every((c: { openid: string }) => c.openid === 'o-1')).toBe(true);
    const from = new Date(base + 5 * 60_000).toISOString();
    const to = new Date(base + 10 * 60_000).toISOString();
    const ranged = (
      await get(`${COUPONS}?templateId=${tpl.id}&claimedFrom=${from}&claimedTo=${to}&pageSize=100`)
    ).json();
    expect(ranged.items).toHaveLength(10);
    const one = all.items[3];
    const byCode = (await get(`${COUPONS}?code=${one.code}`)).json();
    expect(byCode.items).toEqual([one]);
    expect((await get(`${COUPONS}?status=USED&templateId=${tpl.id}`)).json().items).toHaveLength(0);
  });

  it.each([
    ['status=BOGUS', 'status'],
    ['templateId=abc', 'templateId'],
    ['claimedFrom=yesterday', 'claimedFrom'],
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['code=short', 'code'],
    ['cursor=%21%21', 'cursor'],
    ['cursor=Zm9v', 'cursor'],
    ['claimedFrom=2026-02-01T00:00:00Z&claimedTo=2026-01-01T00:00:00Z', 'claimedTo'],
    ['surprise=1', 'surprise'],
  ])('400 naming the field for %s', async (qs, field) => {
    const res = await get(`${COUPONS}?${qs}`);
    expect(res.statusCode).toBe(400);
    expect(
      res.json<{ details: { field: string }[] }>().details.map((d: { field: string }) => d.field),
    ).toContain(field);
  });

  it('keyset pagination stays stable while new coupons are claimed', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      const res = await get(
        `${COUPONS}?templateId=${tpl.id}&pageSize=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const body: { items: { code: string }[]; nextCursor: string | null } = res.json();
      seen.push(...body.items.map((c: { code: string }) => c.code));
      cursor = body.nextCursor;
      // Newer claims land on "page 0" while we page: they must not shift what follows.
      if (page++ < 3) {
        await Promise.all([0, 1, 2].map(() => insert(tpl.id, 'o-new', new Date())));
      }
    } while (cursor);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    const ordered = (await get(`${COUPONS}?templateId=${tpl.id}&openid=o-0&pageSize=100`)).json()
      .items;
    for (let i = 1; i < ordered.length; i++) {
      expect(Date.parse(ordered[i - 1].claimedAt)).toBeGreaterThanOrEqual(
        Date.parse(ordered[i].claimedAt),
      );
    }
  });

  it('detail: 200 with history for any reading role, 404 for an unknown code', async () => {
    const code = await insert(tpl.id, 'o-detail', new Date());
    const res = await get(`${COUPONS}/${code}`, clerk);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code,
      status: 'AVAILABLE',
      templateId: tpl.id,
      redemptions: [],
    });
    const missing = await get(`${COUPONS}/${generateCouponCode()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('exports a template as CSV with a header row and escaping', async () => {
    await insert(other.id, '=cmd,"quoted"\nline', new Date());
    const res = await get(`/api/v1/admin/coupon-templates/${other.id}/coupons.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'code,openid,status,channel,claimed_at,valid_from,valid_to,redeemed_at,redeem_request_no,revoked_at,revoke_reason',
    );
    expect(res.body).toContain(`"'=cmd,""quoted""\nline"`);
    expect(lines.filter((l) => /^[0-9A-Z]{16},/.test(l))).toHaveLength(2);
    expect((await get('/api/v1/admin/coupon-templates/999999/coupons.csv')).statusCode).toBe(404);
  });

  it('stats per template and overview', async () => {
    const s = await t.app.inject({
      method: 'GET',
      url: `/api/v1/admin/stats/templates/${tpl.id}?from=2026-01-01T00:00:00Z&to=2026-01-01T03:00:00Z`,
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(s.statusCode).toBe(200);
    const body = s.json();
    expect(body).toMatchObject({
      templateId: tpl.id,
      redeemed: 0,
      revoked: 0,
      redemptionRate: 0,
      discountGivenCents: 0,
    });
    expect(body.issued).toBe(body.totalQuantity - body.remaining);
    expect(body.claimsPerHour).toEqual([
      { hour: '2026-01-01T00:00:00.000Z', count: 30 },
      { hour: '2026-01-01T01:00:00.000Z', count: 0 },
      { hour: '2026-01-01T02:00:00.000Z', count: 0 },
    ]);
    const o = (await get('/api/v1/admin/stats/overview')).json();
    expect(o.templates).toBeGreaterThanOrEqual(2);
    expect(o.issued).toBeGreaterThanOrEqual(body.issued);
    expect((await get('/api/v1/admin/stats/templates/999999')).statusCode).toBe(404);
    expect(
      (await get(`/api/v1/admin/stats/templates/${tpl.id}?from=2025-01-01T00:00:00Z`)).statusCode,
    ).toBe(400);
  });
});
