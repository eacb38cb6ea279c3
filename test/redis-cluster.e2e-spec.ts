import { Cluster } from 'ioredis';
import { AudienceKind, AudienceService, NOT_IN_AUDIENCE_TEXT, templateKeys } from '@app/coupon';
import { AdminRole } from '@app/admin';
import { BUSY_TEXT } from '@app/wechat';
import { adminToken } from './support/admin-client';
import { createTestApp, type TestApp, truncateCampaignTables } from './support/test-app';
import { activeTemplate } from './support/templates';
import { flushCluster, RedisClusterProcess } from './support/redis-cluster';
import { WechatSimulator } from './support/wechat-simulator';
import { TEST_ENV } from './setup/test-env';
import { codeIn, wxClient } from './support/wx-client';

jest.setTimeout(60_000);

const sim = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });

/** Issuance on a real 3-master Redis Cluster (ports 7101-7103), through POST /wx. */
describe('Redis Cluster (REDIS_CLUSTER_NODES)', () => {
  let cluster: RedisClusterProcess;
  let t: TestApp;
  // The whole app runs on the cluster, audit stream consumer included (its blocking read on a
  // Cluster connection must not hold up app.close()).
  const clusterEnv = () => ({ REDIS_CLUSTER_NODES: cluster.seedNodes });

  beforeAll(async () => {
    cluster = await RedisClusterProcess.start([7101, 7102, 7103]);
    t = await createTestApp(clusterEnv());
  });
  afterAll(async () => {
    await t?.close();
    await cluster?.destroy();
    delete process.env.REDIS_CLUSTER_NODES;
  });
  beforeEach(async () => {
    await truncateCampaignTables(t.db); // resetState's FLUSHDB reaches one node of a cluster
    await flushCluster(t.redis as Cluster);
  });

  const claim = (app: TestApp, openid: string, keyword: string): Promise<string> =>
    wxClient(app).send(sim, sim.text(openid, keyword));

  async function rows(
    templateId: number,
  ): Promise<{ code: string; openid: string; seq: number }[]> {
    return t.db.query(
      'SELECT code, openid, stock_seq AS seq FROM coupon WHERE template_id = ? ORDER BY stock_seq',
      [templateId],
    );
  }

  it('runs on a Cluster client that sees all three masters', async () => {
    expect(t.redis).toBeInstanceOf(Cluster);
    expect((t.redis as Cluster).nodes('master')).toHaveLength(3);
    // The template's keys share one slot, so its Lua script runs on one node.
    const k = templateKeys(42);
    const slots = [k.meta, k.issued, k.users, k.free, k.request('x')].map((key) =>
      cluster.nodes[0].cli('cluster', 'keyslot', key).trim(),
    );
    expect(new Set(slots).size).toBe(1);
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
  });

  it('500 followers race for 100 coupons: exactly 100 granted, rows and codes unique', async () => {
    const tpl = await activeTemplate(t.app, { keyword: '集群抢券', totalQuantity: 100 });
    const started = Date.now();
    const replies = await Promise.all(
      Array.from({ length: 500 }, (_, i) => claim(t, `o-cl-${i}`, '集群抢券')),
    );
    const granted = replies.map(codeIn).filter((c): c is string => c !== undefined);
    expect(granted).toHaveLength(100);
    expect(new Set(granted).size).toBe(100);
    expect(replies.filter((r) => r.includes('被领完'))).toHaveLength(400);
    expect(replies).not.toContain(BUSY_TEXT);
    const saved = await rows(tpl.id);
    expect(saved).toHaveLength(100);
    expect(saved.map((r) => r.code).sort()).toEqual([...granted].sort());
    expect(saved.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    console.log(`cluster race: 500 claims in ${Date.now() - started} ms`);
  });

  it('perUserLimit holds when each follower clicks many times at once', async () => {
    const tpl = await activeTemplate(t.app, {
      keyword: '集群限领',
      totalQuantity: 1000,
      perUserLimit: 2,
    });
    const replies = await Promise.all(
      Array.from({ length: 300 }, (_, i) => claim(t, `o-lim-${i % 60}`, '集群限领')),
    );
    expect(replies.filter((r) => codeIn(r) !== undefined)).toHaveLength(120);
    expect(replies.filter((r) => r.includes('已经领取过'))).toHaveLength(180);
    const perUser = await t.db.query<{ openid: string; n: string }[]>(
      'SELECT openid, COUNT(*) AS n FROM coupon WHERE template_id = ? GROUP BY openid',
      [tpl.id],
    );
    expect(perUser).toHaveLength(60);
    expect(perUser.every((u) => Number(u.n) === 2)).toBe(true);
  });

  it('two app instances on one database and one cluster never double-issue', async () => {
    const second = await createTestApp(clusterEnv());
    try {
      const tpl = await activeTemplate(t.app, { keyword: '双实例', totalQuantity: 100 });
      // Warm both instances (route + template caches), then 500 followers split across them.
      const warm = [
        await claim(t, 'o-two-warm-0', '双实例'),
        await claim(second, 'o-two-warm-1', '双实例'),
      ];
      expect(warm.every((r) => codeIn(r) !== undefined)).toBe(true);
      // Waves of 50 (25 per instance, racing): one burst of 498 would let whichever instance's
      // auto-pipelined batch reaches Redis first take every coupon, which proves less.
      const replies: { app: number; code?: string }[] = [];
      for (let wave = 0; wave < 10; wave++) {
        const size = wave === 9 ? 48 : 50;
        const batch = Array.from({ length: size }, (_, k) => {
          const i = wave * 50 + k;
          return claim(i % 2 === 0 ? t : second, `o-two-${i}`, '双实例').then((text) => ({
            app: i % 2,
            code: codeIn(text),
          }));
        });
        replies.push(...(await Promise.all(batch)));
      }
      const granted = replies.filter((r) => r.code !== undefined);
      expect(granted).toHaveLength(98);
      expect(new Set(granted.map((r) => r.code)).size).toBe(98);
      // Both instances really served grants.
      expect(granted.some((r) => r.app === 0) && granted.some((r) => r.app === 1)).toBe(true);
      const saved = await rows(tpl.id);
      expect(saved).toHaveLength(100);
      expect(new Set(saved.map((r) => r.openid)).size).toBe(100);
      expect(Math.max(...saved.map((r) => r.seq))).toBe(100);
    } finally {
      await second.close();
    }
  });

  it('SCRIPT FLUSH on every master mid-run reaches no follower (EVALSHA falls back to EVAL)', async () => {
    await activeTemplate(t.app, { keyword: '集群刷脚本', totalQuantity: 200 });
    const replies: string[] = [];
    for (let wave = 0; wave < 4; wave++) {
      const batch = Array.from({ length: 50 }, (_, i) =>
        claim(t, `o-fl-${wave}-${i}`, '集群刷脚本'),
      );
      for (const node of cluster.nodes) node.cli('script', 'flush');
      replies.push(...(await Promise.all(batch)));
    }
    expect(replies.filter((r) => codeIn(r) !== undefined)).toHaveLength(200);
    const noscript = cluster.nodes
      .map((n) => /errorstat_NOSCRIPT:count=(\d+)/.exec(n.cli('info', 'errorstats'))?.[1] ?? '0')
      .reduce((sum, n) => sum + Number(n), 0);
    expect(noscript).toBeGreaterThan(0);
  });

  it('an audience gates claims on the cluster: its member set lives in the template slot', async () => {
    const audiences = t.app.get(AudienceService);
    const audience = await audiences.create({ name: '集群名单', kind: AudienceKind.OPENID_LIST });
    const member = 'oCLUSTERmember000000000000001';
    const newcomer = 'oCLUSTERnewcomer0000000000001';
    await audiences.addMembers(audience.id, [member]);
    const tpl = await activeTemplate(t.app, { keyword: '集群定向', audienceId: audience.id });
    const k = templateKeys(tpl.id);
    const slot = (key: string) => cluster.nodes[0].cli('cluster', 'keyslot', key).trim();
    expect(slot(k.audience)).toBe(slot(k.meta));

    expect(await claim(t, newcomer, '集群定向')).toBe(NOT_IN_AUDIENCE_TEXT);
    expect(codeIn(await claim(t, member, '集群定向'))).toBeDefined();
    await audiences.addMembers(audience.id, [newcomer]);
    expect(codeIn(await claim(t, newcomer, '集群定向'))).toBeDefined();
    // Lost with the rest of the gate: rebuilt from MySQL on the next claim.
    await flushCluster(t.redis as Cluster);
    expect(await claim(t, 'oCLUSTERstranger0000000000001', '集群定向')).toBe(NOT_IN_AUDIENCE_TEXT);
  });

  it('the live dashboard counts on the cluster: its keys share one slot, read in one transaction', async () => {
    const slot = (key: string) => cluster.nodes[0].cli('cluster', 'keyslot', key).trim();
    const minute = Math.floor(Date.now() / 60_000);
    expect(
      new Set(
        ['cursor', `m:${minute}`, `h:${minute}`, 'top:2026-12-03'].map((k) =>
          slot(`dash:{dash}:${k}`),
        ),
      ).size,
    ).toBe(1);
    await activeTemplate(t.app, { keyword: '集群看板', totalQuantity: 10 });
    for (let i = 0; i < 3; i += 1)
      expect(codeIn(await claim(t, `o-cl-dash-${i}`, '集群看板'))).toBeDefined();
    const token = await adminToken(t.app, AdminRole.VIEWER);
    let granted = 0;
    for (let i = 0; i < 100 && granted < 3; i += 1) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/admin/dashboard/snapshot',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.statusCode).toBe(200);
      const snap = res.json<{
        minutes: { claims: Record<string, number> }[];
        lastEventId: string;
      }>();
      granted = snap.minutes.reduce((n, m) => n + (m.claims.GRANTED ?? 0), 0);
      if (granted < 3) await new Promise((r) => setTimeout(r, 50));
    }
    expect(granted).toBe(3);
  });
});
