import { AdminRole } from '@app/admin';
import { adminToken } from './support/admin-client';
import { waitFor } from './support/audit-events';
import { massSendJobFinish } from './support/fake-wechat-growth';
import { FakeWechatPlatform } from './support/fake-wechat-platform';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { WechatSimulator } from './support/wechat-simulator';
import { wxClient } from './support/wx-client';
import { TEST_ENV } from './setup/test-env';

const sim = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });
const oid = (prefix: string, n: number) => `oPSH${prefix}${String(n).padStart(22, '0')}`;
const CUSTOM_SEND = 'cgi-bin/message/custom/send';

interface PushView {
  id: number;
  channel: string;
  state: string;
  msgId: string | null;
  jobId: number | null;
  totalCount: number;
  filterCount: number | null;
  sentCount: number;
  errorCount: number;
  notReachableCount: number;
  failedCount: number;
}

/** Campaign pushes (issue #12 item 4), against the fake platform. */
describe('Campaign pushes (e2e)', () => {
  let fake: FakeWechatPlatform;
  let t: TestApp;
  let marketer: string;
  let templateId: number;

  const boot = (jobs = true) =>
    createTestApp({
      WECHAT_API_BASE_URL: fake.url,
      PUSH_RATE_PER_SECOND: '5',
      GROWTH_JOBS_ENABLED: String(jobs),
    });
  const api = (method: 'GET' | 'POST', url: string, payload?: object, token = marketer) =>
    t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
  const push = async (id: number) =>
    (await api('GET', `/api/v1/admin/campaign-pushes/${id}`)).json<PushView>();
  async function audience(body: object): Promise<number> {
    const res = await api('POST', '/api/v1/admin/audiences', { name: 'p', ...body });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: number }>().id;
  }

  beforeAll(async () => {
    fake = await FakeWechatPlatform.start(TEST_ENV.WECHAT_APP_ID, TEST_ENV.WECHAT_APP_SECRET);
    t = await boot();
    await resetState(t);
    // audience_member too: TRUNCATE restarts audience ids at 1, so rows another suite left under
    // an id (and generation 1) would otherwise be live members of this suite's new audience.
    for (const table of [
      'growth_job',
      'campaign_push',
      'push_delivery',
      'audience',
      'audience_member',
    ]) {
      await t.db.query(`TRUNCATE TABLE ${table}`);
    }
    marketer = await adminToken(t.app, AdminRole.MARKETER);
    templateId = (await activeTemplate(t.app, { keyword: 'VIP券' })).id;
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('a tag push is one mass send, finished by MASSSENDJOBFINISH (answered success, retries too)', async () => {
    const tagId = fake.growth.addTag('VIP');
    const audienceId = await audience({ kind: 'WECHAT_TAG', tagId });
    const res = await api('POST', '/api/v1/admin/campaign-pushes', {
      templateId,
      audienceId,
      message: { text: 'VIP 专享：发送「VIP券」领取优惠券' },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json<PushView>();
    expect(created).toMatchObject({ channel: 'MASS_TAG', state: 'SENDING' });
    const sent = fake.growth.massSends.at(-1)!;
    expect(created.msgId).toBe(String(sent.msgId));
    expect(sent.body).toEqual({
      filter: { is_to_all: false, tag_id: tagId },
      text: { content: 'VIP 专享：发送「VIP券」领取优惠券' },
      msgtype: 'text',
    });

    const counts = { total: 120, filter: 118, sent: 117, error: 1 };
    const event = massSendJobFinish(sim, 'mphelper', sent.msgId, counts, 1_760_000_000);
    for (let i = 0; i < 2; i += 1) {
      // WeChat retries the same event: answered "success" both times, counts unchanged.
      const answer = await wxClient(t).post(event);
      expect([answer.statusCode, answer.body]).toEqual([200, 'success']);
      expect(await push(created.id)).toMatchObject({
        state: 'DONE',
        totalCount: 120,
        filterCount: 118,
        sentCount: 117,
        errorCount: 1,
      });
    }
  });

  it('a preview goes to one follower only (mass/preview for a tag)', async () => {
    const tagId = fake.growth.addTag('预览');
    const audienceId = await audience({ kind: 'WECHAT_TAG', tagId });
    const sends = fake.count('cgi-bin/message/mass/sendall');
    const res = await api('POST', '/api/v1/admin/campaign-pushes', {
      templateId,
      audienceId,
      message: { text: '预览一下' },
      preview: { openid: oid('v', 1) },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ state: 'PREVIEW_SENT', sentCount: 1 });
    expect(fake.growth.massSends.at(-1)!.body).toMatchObject({ touser: oid('v', 1) });
    expect(fake.count('cgi-bin/message/mass/sendall')).toBe(sends);
  });

  it('a queued list push survives a restart mid-way; nobody is messaged twice; 45015 is not reachable', async () => {
    const members = Array.from({ length: 30 }, (_, i) => oid('l', i));
    const audienceId = await audience({ kind: 'OPENID_LIST' });
    const add = await api('POST', `/api/v1/admin/audiences/${audienceId}/members:add`, {
      openids: members,
    });
    expect(add.statusCode).toBe(200);
    fake.growth.unreachable.add(members[3]).add(members[17]);
    const callsBefore = fake.count(CUSTOM_SEND);
    const started = Date.now();

    const res = await api('POST', '/api/v1/admin/campaign-pushes', {
      templateId,
      audienceId,
      message: { text: '名单专享优惠' },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json<PushView>();
    expect(created).toMatchObject({ channel: 'CUSTOM_MESSAGE', state: 'SENDING' });
    await waitFor('some messages out', () =>
      Promise.resolve(fake.count(CUSTOM_SEND) - callsBefore >= 8),
    );

    await t.close(); // the instance goes away mid-push
    const midway = fake.count(CUSTOM_SEND) - callsBefore;
    expect(midway).toBeLessThan(30);
    t = await boot();

    const done = await waitFor(
      'the push to finish',
      async () => {
        const p = await push(created.id);
        return p.state === 'DONE' ? p : null;
      },
      30_000,
    );
    const seconds = (Date.now() - started) / 1000;
    expect(done).toMatchObject({
      totalCount: 30,
      sentCount: 28,
      notReachableCount: 2,
      errorCount: 0,
      failedCount: 2,
    });
    // Every follower was sent to exactly once (the unreachable ones were tried once, refused).
    expect(fake.count(CUSTOM_SEND) - callsBefore).toBe(30);
    const received = fake.sent.filter(
      (m) => m.text && (m.text as { content: string }).content === '名单专享优惠',
    );
    expect(received.map((m) => m.touser).sort()).toEqual(
      members.filter((_, i) => i !== 3 && i !== 17).sort(),
    );
    // PUSH_RATE_PER_SECOND=5: 30 messages cannot take much less than 6 s.
    expect(seconds).toBeGreaterThan(4.5);
    const [fanout] = await t.db.query<{ state: string }[]>(
      'SELECT state FROM growth_job WHERE id = ?',
      [done.jobId],
    );
    expect(fanout.state).toBe('DONE');
  }, 60_000);

  it('a delivery whose sender died mid-call is counted failed, never sent again', async () => {
    const [dead, alive] = [oid('d', 1), oid('d', 2)];
    const audienceId = await audience({ kind: 'OPENID_LIST' });
    await api('POST', `/api/v1/admin/audiences/${audienceId}/members:add`, {
      openids: [dead, alive],
    });
    // An instance without workers queues the push; then it "dies" having claimed one delivery
    // (PENDING -> SENDING) two minutes ago without recording what WeChat answered.
    await t.close();
    t = await boot(false);
    const res = await api('POST', '/api/v1/admin/campaign-pushes', {
      templateId,
      audienceId,
      message: { text: '崩溃之后' },
    });
    const created = res.json<PushView>();
    await t.db.query(
      "INSERT INTO push_delivery (push_id, openid, state, updated_at) VALUES (?, ?, 'SENDING', NOW(3) - INTERVAL 2 MINUTE)",
      [created.id, dead],
    );
    await t.close();
    const callsBefore = fake.count(CUSTOM_SEND);
    t = await boot(true); // picks the queued fan-out up again

    const done = await waitFor('the push to finish', async () => {
      const p = await push(created.id);
      return p.state === 'DONE' ? p : null;
    });
    expect(done).toMatchObject({ totalCount: 2, sentCount: 1, errorCount: 1 });
    expect(fake.count(CUSTOM_SEND) - callsBefore).toBe(1);
    expect(fake.sent.at(-1)).toMatchObject({ touser: alive });
  });

  it('refuses unknown ids, bad bodies and non-marketers', async () => {
    const audienceId = await audience({ kind: 'OPENID_LIST' });
    const body = { templateId, audienceId, message: { text: 'x' } };
    expect(
      (await api('POST', '/api/v1/admin/campaign-pushes', { ...body, audienceId: 999_999 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await api('POST', '/api/v1/admin/campaign-pushes', { ...body, templateId: 999_999 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await api('POST', '/api/v1/admin/campaign-pushes', { templateId, audienceId })).statusCode,
    ).toBe(400);
    expect(
      (await api('POST', '/api/v1/admin/campaign-pushes', { ...body, preview: { openid: 'x' } }))
        .statusCode,
    ).toBe(400);
    expect((await api('GET', '/api/v1/admin/campaign-pushes/999999')).statusCode).toBe(404);
    const viewer = await adminToken(t.app, AdminRole.VIEWER);
    expect((await api('POST', '/api/v1/admin/campaign-pushes', body, viewer)).statusCode).toBe(403);
  });
});
