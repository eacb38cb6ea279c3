import { AdminRole } from '@app/admin';
import { NOT_IN_AUDIENCE_TEXT } from '@app/coupon';
import { adminToken } from './support/admin-client';
import { waitFor } from './support/audit-events';
import { FakeWechatPlatform } from './support/fake-wechat-platform';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { WechatSimulator } from './support/wechat-simulator';
import { codeIn, wxClient } from './support/wx-client';
import { TEST_ENV } from './setup/test-env';

const sim = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });
const oid = (prefix: string, n: number) => `oTAG${prefix}${String(n).padStart(22, '0')}`;

interface JobView {
  id: number;
  kind: string;
  state: string;
  progress: number;
  total: number | null;
  error: string | null;
}

/** WeChat user tags and tag audiences (issue #12 item 2), against the fake platform. */
describe('WeChat tags and tag audiences (e2e)', () => {
  let fake: FakeWechatPlatform;
  let t: TestApp;
  let marketer: string;

  const boot = () => createTestApp({ WECHAT_API_BASE_URL: fake.url });
  const api = (app: TestApp, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.app.inject({ method, url, payload, headers: { authorization: `Bearer ${marketer}` } });

  beforeAll(async () => {
    fake = await FakeWechatPlatform.start(TEST_ENV.WECHAT_APP_ID, TEST_ENV.WECHAT_APP_SECRET);
    t = await boot();
    await resetState(t);
    await t.db.query('TRUNCATE TABLE audience');
    await t.db.query('TRUNCATE TABLE audience_member');
    await t.db.query('TRUNCATE TABLE growth_job');
    marketer = await adminToken(t.app, AdminRole.MARKETER);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  async function tagAudience(app: TestApp, tagId: number): Promise<number> {
    const res = await api(app, 'POST', '/api/v1/admin/audiences', {
      name: `标签 ${tagId}`,
      kind: 'WECHAT_TAG',
      tagId,
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: number }>().id;
  }
  const job = async (app: TestApp, id: number) =>
    (await api(app, 'GET', `/api/v1/admin/jobs/${id}`)).json<JobView>();
  const finished = (app: TestApp, id: number) =>
    waitFor(`job ${id} to finish`, async () => {
      const j = await job(app, id);
      return j.state === 'DONE' || j.state === 'FAILED' ? j : null;
    });

  it('lists tags with follower counts and creates one; duplicates and too many are 409', async () => {
    const res = await api(t, 'POST', '/api/v1/admin/wechat/tags', { name: 'VIP' });
    expect(res.statusCode).toBe(201);
    const { id } = res.json<{ id: number; name: string }>();
    fake.growth.tagFollowers(id, [oid('v', 1), oid('v', 2)]);
    const list = await api(t, 'GET', '/api/v1/admin/wechat/tags');
    expect(list.statusCode).toBe(200);
    expect(list.json<{ tags: unknown[] }>().tags).toContainEqual({ id, name: 'VIP', count: 2 });

    const dup = await api(t, 'POST', '/api/v1/admin/wechat/tags', { name: 'VIP' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ details: { errcode: 45157 } });
    expect(
      (
        await api(t, 'POST', '/api/v1/admin/wechat/tags', {
          name: '标签名称超过三十个字节的长名字',
        })
      ).statusCode,
    ).toBe(400);

    while (fake.growth.tags.size < 100) fake.growth.addTag(`t${fake.growth.tags.size}`);
    const full = await api(t, 'POST', '/api/v1/admin/wechat/tags', { name: 'one more' });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ details: { errcode: 45056 } });
    for (const [tagId] of [...fake.growth.tags].filter(([, tag]) => /^t\d+$/.test(tag.name))) {
      fake.growth.tags.delete(tagId);
    }

    const viewer = await adminToken(t.app, AdminRole.VIEWER);
    const asViewer = (method: 'GET' | 'POST', payload?: object) =>
      t.app.inject({
        method,
        url: '/api/v1/admin/wechat/tags',
        payload,
        headers: { authorization: `Bearer ${viewer}` },
      });
    expect((await asViewer('GET')).statusCode).toBe(200);
    expect((await asViewer('POST', { name: 'x' })).statusCode).toBe(403);
  });

  it('syncs a tag audience page by page (202 + job) and enforces it at claim time', async () => {
    const tagId = fake.growth.addTag('老客');
    const members = Array.from({ length: 25 }, (_, i) => oid('s', i));
    fake.growth.tagFollowers(tagId, members);
    fake.growth.pageSize = 10;
    const audienceId = await tagAudience(t, tagId);
    const tpl = await activeTemplate(t.app, { audienceId });
    // Before the sync nobody is in the audience.
    expect(await wxClient(t).send(sim, sim.text(members[0], tpl.keyword!))).toBe(
      NOT_IN_AUDIENCE_TEXT,
    );

    const started = await api(t, 'POST', `/api/v1/admin/audiences/${audienceId}/sync`);
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ jobId: started.json<JobView>().id, state: 'QUEUED' });
    const done = await finished(t, started.json<JobView>().id);
    expect(done).toMatchObject({ kind: 'audience-sync', state: 'DONE', progress: 25, total: 25 });
    const audience = await api(t, 'GET', `/api/v1/admin/audiences/${audienceId}`);
    expect(audience.json()).toMatchObject({ memberCount: 25, syncStatus: 'DONE' });
    expect(audience.json<{ syncedAt: string }>().syncedAt).toEqual(expect.any(String));

    expect(codeIn(await wxClient(t).send(sim, sim.text(members[0], tpl.keyword!)))).toBeTruthy();
    expect(await wxClient(t).send(sim, sim.text(oid('x', 1), tpl.keyword!))).toBe(
      NOT_IN_AUDIENCE_TEXT,
    );
    // An OPENID_LIST audience has nothing to sync.
    const list = await api(t, 'POST', '/api/v1/admin/audiences', {
      name: 'l',
      kind: 'OPENID_LIST',
    });
    expect(
      (await api(t, 'POST', `/api/v1/admin/audiences/${list.json<{ id: number }>().id}/sync`))
        .statusCode,
    ).toBe(409);
    expect((await api(t, 'GET', '/api/v1/admin/jobs/999999')).statusCode).toBe(404);
  });

  it('a sync interrupted by a restart resumes from its last page; one sync per audience', async () => {
    const tagId = fake.growth.addTag('重启');
    const members = Array.from({ length: 50 }, (_, i) => oid('r', i));
    fake.growth.tagFollowers(tagId, members);
    fake.growth.pageSize = 10;
    const audienceId = await tagAudience(t, tagId);
    fake.slow(250, 'cgi-bin/user/tag/get');
    const cursorsBefore = fake.growth.tagPageCursors.length;

    const first = await api(t, 'POST', `/api/v1/admin/audiences/${audienceId}/sync`);
    const again = await api(t, 'POST', `/api/v1/admin/audiences/${audienceId}/sync`);
    expect(again.statusCode).toBe(202);
    expect(again.json<JobView>().id).toBe(first.json<JobView>().id);
    const jobId = first.json<JobView>().id;
    await waitFor('two pages pulled', async () => (await job(t, jobId)).progress >= 20);

    await t.close(); // the instance goes away mid-sync
    const [row] = await (
      await boot().then((b) => (t = b))
    ).db.query<{ state: string; progress: number }[]>(
      'SELECT state, progress FROM growth_job WHERE id = ?',
      [jobId],
    );
    expect(row.state).not.toBe('DONE');
    expect(row.progress).toBeLessThan(50);

    const done = await finished(t, jobId);
    expect(done).toMatchObject({ state: 'DONE', progress: 50 });
    fake.slow(0);
    const cursors = fake.growth.tagPageCursors.slice(cursorsBefore);
    // Started from the beginning once; every page after that continued from a saved cursor.
    expect(cursors.filter((c) => c === '')).toHaveLength(1);
    expect(new Set(cursors).size).toBe(cursors.length);
    const audience = await api(t, 'GET', `/api/v1/admin/audiences/${audienceId}`);
    expect(audience.json()).toMatchObject({ memberCount: 50, syncStatus: 'DONE' });
  }, 60_000);

  it('two instances asked to sync the same audience at once run one job', async () => {
    const tagId = fake.growth.addTag('并发');
    fake.growth.tagFollowers(tagId, [oid('c', 1), oid('c', 2)]);
    const audienceId = await tagAudience(t, tagId);
    const other = await boot();
    try {
      const [x, y] = await Promise.all(
        [t, other].map((app) => api(app, 'POST', `/api/v1/admin/audiences/${audienceId}/sync`)),
      );
      expect([x.statusCode, y.statusCode]).toEqual([202, 202]);
      expect(x.json<JobView>().id).toBe(y.json<JobView>().id);
      const done = await finished(other, x.json<JobView>().id);
      expect(done).toMatchObject({ state: 'DONE', progress: 2 });
      const viewer = await adminToken(t.app, AdminRole.VIEWER);
      const asViewer = await t.app.inject({
        method: 'GET',
        url: `/api/v1/admin/jobs/${done.id}`,
        headers: { authorization: `Bearer ${viewer}` },
      });
      expect(asViewer.statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });
});
