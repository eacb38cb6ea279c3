import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { AdminRole } from '@app/admin';
import { FissionRecovery } from '@app/growth';
import { SESSION_COOKIE, SessionSigner } from '@app/wechat';
import { adminToken } from './support/admin-client';
import { FakeWechatPlatform } from './support/fake-wechat-platform';
import { askLink, H5_BASE, truncateFission } from './support/fission';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { TEST_ENV } from './setup/test-env';

const ROOT = join(__dirname, '..');
const PORT = 39_000 + (process.pid % 1000);

/**
 * Issue #13: "an instance dies between the friend's grant and the reward". A real app process
 * (main.ts) is SIGKILLed at a hook point (FISSION_TEST_FAULT, read only by this test): right after
 * the third friend's invite is committed, or right after the third friend's grant before any
 * accounting. The recovery on a surviving instance counts the invite and grants the owed reward
 * exactly once, and tells the sharer once.
 */
describe('fission: a kill between grant and reward is recovered (e2e)', () => {
  let platform: FakeWechatPlatform;
  let t: TestApp;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    platform = await FakeWechatPlatform.start(TEST_ENV.WECHAT_APP_ID, TEST_ENV.WECHAT_APP_SECRET);
    t = await createTestApp({
      WECHAT_API_BASE_URL: platform.url,
      H5_BASE_URL: H5_BASE,
      FISSION_RECOVER_INTERVAL_SECONDS: '0',
    });
    await resetState(t);
    await truncateFission(t.db);
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await t?.close();
    await platform?.close();
  });

  async function startDoomedInstance(fault: string): Promise<ChildProcess> {
    const proc = spawn(
      process.execPath,
      ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/coupon-server/src/main.ts'],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          TS_NODE_SWC: 'true',
          TS_NODE_TRANSPILE_ONLY: 'true',
          ...TEST_ENV,
          PORT: String(PORT),
          HOST: '127.0.0.1',
          WECHAT_API_BASE_URL: platform.url,
          H5_BASE_URL: H5_BASE,
          FISSION_RECOVER_INTERVAL_SECONDS: '0',
          FISSION_TEST_FAULT: `${fault}:o-killed-f3`,
        },
        stdio: 'ignore',
      },
    );
    const deadline = Date.now() + 60_000;
    for (;;) {
      const up = await fetch(`http://127.0.0.1:${PORT}/health/live`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return proc;
      if (Date.now() > deadline || proc.exitCode !== null) throw new Error('child did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it.each([
    ['kill-before-reward', 'after the invite was counted'],
    ['kill-before-account', "right after the friend's grant, before any accounting"],
  ])(
    '%s: killed %s, the recovery counts and rewards exactly once',
    async (fault) => {
      await resetState(t);
      await truncateFission(t.db);
      platform.sent.length = 0;
      const marketer = await adminToken(t.app, AdminRole.MARKETER);
      const friendTpl = await activeTemplate(t.app, { totalQuantity: 50 });
      const rewardTpl = await activeTemplate(t.app, { totalQuantity: 10, perUserLimit: 5 });
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/fission-campaigns',
        headers: { authorization: `Bearer ${marketer}` },
        payload: {
          name: '杀进程测试',
          templateId: friendTpl.id,
          rewardTemplateId: rewardTpl.id,
          invitesRequired: 3,
          maxRewardsPerSharer: 2,
          startsAt: new Date(Date.now() - 60_000).toISOString(),
          endsAt: new Date(Date.now() + 3_600_000).toISOString(),
          shareKeyword: '杀进程邀请',
        },
      });
      expect(created.statusCode).toBe(201);
      const sharer = 'o-sharer-killed';
      const { token } = await askLink(t, sharer, '杀进程邀请');

      child = await startDoomedInstance(fault);
      const signer = t.app.get(SessionSigner);
      const claimOnChild = (friend: string) =>
        fetch(`http://127.0.0.1:${PORT}/h5/api/share/${token}/claim`, {
          method: 'POST',
          headers: { cookie: `${SESSION_COOKIE}=${signer.issue(friend).value}` },
        });
      for (const friend of ['o-killed-f1', 'o-killed-f2']) {
        const r = await claimOnChild(friend);
        expect(r.status).toBe(200);
        expect(((await r.json()) as { outcome: string }).outcome).toBe('GRANTED');
      }
      // The third friend completes the reward: the instance dies before granting it.
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child!.once('exit', (_code, signal) => resolve(signal)),
      );
      await expect(claimOnChild('o-killed-f3')).rejects.toThrow();
      expect(await exited).toBe('SIGKILL');

      const [{ n: friendCoupons }] = await t.db.query<{ n: string }[]>(
        'SELECT COUNT(*) AS n FROM coupon WHERE template_id = ?',
        [friendTpl.id],
      );
      expect(Number(friendCoupons)).toBe(3);
      const counted = () =>
        t.db.query<{ n: string }[]>(
          "SELECT COUNT(*) AS n FROM fission_invite WHERE state = 'COUNTED'",
        );
      const pending = await t.db.query<{ state: string }[]>('SELECT state FROM fission_reward');
      if (fault === 'kill-before-reward') {
        expect(pending).toEqual([{ state: 'PENDING' }]);
        expect(await counted()).toEqual([{ n: '3' }]);
      } else {
        expect(pending).toEqual([]);
        expect(await counted()).toEqual([{ n: '2' }]);
      }
      const rewardsOf = () =>
        t.db.query<{ code: string }[]>(
          'SELECT code FROM coupon WHERE template_id = ? AND openid = ?',
          [rewardTpl.id, sharer],
        );
      expect(await rewardsOf()).toHaveLength(0);

      // Too fresh for the grace period: left to its instance.
      const recovery = t.app.get(FissionRecovery);
      expect(await recovery.recover(3600)).toBe(0);
      // Past the grace: finished, once, even when two recoveries run.
      await Promise.all([recovery.recover(0), recovery.recover(0)]);
      expect(await rewardsOf()).toHaveLength(1);
      expect(await t.db.query('SELECT state FROM fission_reward')).toEqual([{ state: 'GRANTED' }]);
      expect(await recovery.recover(0)).toBe(0);
      expect(await counted()).toEqual([{ n: '3' }]);
      expect(platform.sent.filter((m) => m.touser === sharer)).toHaveLength(1);
    },
    120_000,
  );
});
