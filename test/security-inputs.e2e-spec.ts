import { AdminRole } from '@app/admin';
import { adminToken } from './support/admin-client';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate, templateBody } from './support/templates';

const BAD_DATES = ['2026-W10', '20260601', '2026-06-01T10Z', '2026-060', '0999-12-31T00:00:00Z'];

/** Issue #10 items 8 and 9: malformed numbers and dates are a 400 naming the field, never a 500. */
describe('admin inputs that used to be a 500 or a silent wrong answer (e2e)', () => {
  let t: TestApp;
  let token: string;
  let tplId: number;

  beforeAll(async () => {
    t = await createTestApp();
    await resetState(t);
    token = await adminToken(t.app, AdminRole.ADMIN);
    tplId = (await activeTemplate(t.app)).id;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
  const fields = (res: { json(): unknown }): string[] =>
    ((res.json() as { details?: { field: string }[] }).details ?? []).map((d) => d.field);
  const count = async () =>
    Number((await t.db.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM coupon_template'))[0].n);

  it.each(BAD_DATES)(
    'template create with claimStartsAt=%p: 400 naming it, nothing written',
    async (d) => {
      const before = await count();
      const res = await call(
        'POST',
        '/api/v1/admin/coupon-templates',
        templateBody({ claimStartsAt: d }),
      );
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual(['claimStartsAt']);
      expect(await count()).toBe(before);
    },
  );

  it.each(BAD_DATES)('FIXED validity and PATCH refuse %p too', async (d) => {
    const fixed = templateBody({
      validityType: 'FIXED' as never,
      validDays: undefined,
      validFrom: '2026-01-01T00:00:00Z',
      validTo: d,
    });
    const res = await call('POST', '/api/v1/admin/coupon-templates', fixed);
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toContain('validTo');
    const patch = await call('PATCH', `/api/v1/admin/coupon-templates/${tplId}`, {
      claimEndsAt: d,
    });
    expect(patch.statusCode).toBe(400);
    expect(fields(patch)).toEqual(['claimEndsAt']);
  });

  it.each(BAD_DATES)('stats, coupon search and claim-log filters refuse %p', async (d) => {
    const q = encodeURIComponent(d);
    for (const [url, field] of [
      [`/api/v1/admin/stats/templates/${tplId}?from=${q}`, 'from'],
      [`/api/v1/admin/stats/templates/${tplId}?to=${q}`, 'to'],
      [`/api/v1/admin/coupons?claimedFrom=${q}`, 'claimedFrom'],
      [`/api/v1/admin/coupons?claimedTo=${q}`, 'claimedTo'],
      [`/api/v1/admin/audit/claim-logs?from=${q}`, 'from'],
      [`/api/v1/admin/audit/claim-logs?to=${q}`, 'to'],
      [`/api/v1/admin/audit/claim-logs/summary?from=${q}&to=2026-12-01T00:00:00Z`, 'from'],
    ]) {
      const res = await call('GET', url);
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect(fields(res)).toContain(field);
    }
  });

  it('well-formed ISO dates still work (date-only, offsets, fractions)', async () => {
    for (const d of ['2026-06-01', '2026-06-01T10:00:00+08:00', '2026-06-01T10:00:00.123Z']) {
      const q = encodeURIComponent(d);
      expect((await call('GET', `/api/v1/admin/coupons?claimedFrom=${q}`)).statusCode).toBe(200);
      expect((await call('GET', `/api/v1/admin/audit/claim-logs?from=${q}`)).statusCode).toBe(200);
    }
  });
});
