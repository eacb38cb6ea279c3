import { AdminRole } from '@app/admin';
import { ClaimChannel, ClaimOutcome, ClaimService, type CouponTemplate } from '@app/coupon';
import { adminToken } from './support/admin-client';
import { waitFor } from './support/audit-events';
import { FakeWechatPlatform } from './support/fake-wechat-platform';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { TEST_ENV } from './setup/test-env';

const oid = (prefix: string, n: number) => `oBEH${prefix}${String(n).padStart(22, '0')}`;
const BATCH = 'cgi-bin/tags/members/batchtagging';

interface JobView {
  id: number;
  state: string;
  progress: number;
  total: number | null;
  error: string | null;
}

/** Behaviour tagging (issue #12 item 3): followers holding a template's coupons get a tag. */
describe('Behaviour tagging from coupons (e2e)', () => {
  let fake: FakeWechatPlatform;
  let t: TestApp;
  let marketer: string;
  let tpl: CouponTemplate;
  const redeemers = Array.from({ length: 120 }, (_, i) => oid('u', i));
  const holders = Array.from({ length: 10 }, (_, i) => oid('a', i));

  const api = (method: 'GET' | 'POST', url: string, payload?: object, token = marketer) =>
    t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
  const tagging = (tagId: number, payload: object) =>
    api('POST', `/api/v1/admin/wechat/tags/${tagId}/members/from-coupons`, payload);
  const finished = (id: number) =>
    waitFor(`job ${id} to finish`, async () => {
      const j = (await api('GET', `/api/v1/admin/jobs/${id}`)).json<JobView>();
      return j.state === 'DONE' || j.state === 'FAILED' ? j : null;
    });
  const callsTo = (tagId: number) => fake.growth.taggingCalls.filter((c) => c.tagId === tagId);

  beforeAll(async () => {
    fake = await FakeWechatPlatform.start(TEST_ENV.WECHAT_APP_ID, TEST_ENV.WECHAT_APP_SECRET);
    t = await createTestApp({ WECHAT_API_BASE_URL: fake.url, TAGGING_BUSY_BACKOFF_MS: '100' });
    await resetState(t);
    await t.db.query('TRUNCATE TABLE growth_job');
    marketer = await adminToken(t.app, AdminRole.MARKETER);
    tpl = await activeTemplate(t.app, { totalQuantity: 500 });
    const claims = t.app.get(ClaimService);
    for (const openid of [...redeemers, ...holders]) {
      const r = await claims.claim({
        templateId: tpl.id,
        openid,
        requestKey: `behave-${openid}`,
        channel: ClaimChannel.ADMIN,
      });
      expect([openid, r.outcome]).toEqual([openid, ClaimOutcome.GRANTED]);
    }
    await t.db.query(
      `UPDATE coupon SET status = 'USED' WHERE template_id = ? AND openid IN (${redeemers.map(() => '?').join(',')})`,
      [tpl.id, ...redeemers],
    );
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('tags 120 redeemers in 3 chunks of at most 50, and nobody else', async () => {
    const tagId = fake.growth.addTag('已核销');
    const res = await tagging(tagId, { templateId: tpl.id, status: 'USED' });
    expect(res.statusCode).toBe(202);
    const job = await finished(res.json<JobView>().id);
    expect(job).toMatchObject({ state: 'DONE', progress: 120, total: 120, error: null });
    expect(callsTo(tagId).map((c) => c.openids.length)).toEqual([50, 50, 20]);
    expect([...fake.growth.tags.get(tagId)!.openids].sort()).toEqual([...redeemers].sort());
  });

  it('retries busy (-1) with a doubling pause', async () => {
    const tagId = fake.growth.addTag('持券');
    fake.busy(2, BATCH);
    const before = fake.count(BATCH);
    const started = Date.now();
    const res = await tagging(tagId, { templateId: tpl.id, status: 'AVAILABLE' });
    const job = await finished(res.json<JobView>().id);
    expect(job).toMatchObject({ state: 'DONE', progress: 10 });
    expect(fake.count(BATCH) - before).toBe(3); // two busy answers, then accepted
    expect(Date.now() - started).toBeGreaterThanOrEqual(100 + 200);
    expect([...fake.growth.tags.get(tagId)!.openids].sort()).toEqual([...holders].sort());
  });

  it('stops with a clear error on a quota error (45009)', async () => {
    const tagId = fake.growth.addTag('配额');
    fake.growth.quotaExceeded.add(BATCH);
    try {
      const res = await tagging(tagId, { templateId: tpl.id });
      const job = await finished(res.json<JobView>().id);
      expect(job.state).toBe('FAILED');
      expect(job.progress).toBe(0);
      expect(job.error).toContain('45009');
      expect(job.error).toContain('quota');
      expect(callsTo(tagId)).toHaveLength(0);
    } finally {
      fake.growth.quotaExceeded.delete(BATCH);
    }
  });

  it('refuses unknown templates and tags, bad statuses and non-marketers', async () => {
    const tagId = fake.growth.addTag('校验');
    expect((await tagging(tagId, { templateId: 999_999 })).statusCode).toBe(404);
    expect((await tagging(999_999, { templateId: tpl.id })).statusCode).toBe(404);
    expect((await tagging(tagId, { templateId: tpl.id, status: 'REVOKED' })).statusCode).toBe(400);
    const viewer = await adminToken(t.app, AdminRole.VIEWER);
    const res = await api(
      'POST',
      `/api/v1/admin/wechat/tags/${tagId}/members/from-coupons`,
      { templateId: tpl.id },
      viewer,
    );
    expect(res.statusCode).toBe(403);
  });
});
