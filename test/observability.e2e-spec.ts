import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminToken } from './support/admin-client';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { type SimulatedRequest, WechatSimulator } from './support/wechat-simulator';
import { wxClient } from './support/wx-client';
import { TEST_ENV } from './setup/test-env';

const sim = new WechatSimulator({
  token: TEST_ENV.WECHAT_TOKEN,
  appId: TEST_ENV.WECHAT_APP_ID,
  encodingAesKey: TEST_ENV.WECHAT_ENCODING_AES_KEY,
});

describe('observability: JSON logs without secrets, Prometheus metrics (e2e)', () => {
  let t: TestApp;
  const logFile = join(mkdtempSync(join(tmpdir(), 'wxc-logs-')), 'app.log');

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'debug', LOG_FILE: logFile });
    await resetState(t);
  });
  afterAll(() => t.close());

  const wx = (req: SimulatedRequest) => wxClient(t).post(req);

  it('exposes the named series at /metrics after real traffic', async () => {
    const tpl = await activeTemplate(t.app, { keyword: '指标' });
    expect((await wx(sim.text('o-metrics', '指标'))).statusCode).toBe(200);
    const bad = sim.text('o-metrics', '指标');
    expect(
      (
        await wx({
          ...bad,
          url: bad.url.replace(/signature=[0-9a-f]+/, 'signature=' + '0'.repeat(40)),
        })
      ).statusCode,
    ).toBe(401);

    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{[^}]*route="\/wx"[^}]*status_code="200"/,
    );
    expect(text).toContain(`wxcoupon_claims_total{template_id="${tpl.id}",outcome="GRANTED"} 1`);
    expect(text).toMatch(/wxcoupon_redis_lua_duration_seconds_count\{script="claim"\} [1-9]/);
    expect(text).toMatch(
      /wxcoupon_mysql_query_duration_seconds_count\{op="insert_coupons"\} [1-9]/,
    );
    expect(text).toMatch(/wxcoupon_rejected_requests_total\{reason="unauthorized"\} 1/);
    expect(text).toMatch(/wxcoupon_audit_stream_lag \d+/);
    expect(text).toContain('wxcoupon_wechat_token_refresh_total');
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('writes JSON log lines with a request id and no secrets, tokens or openids', async () => {
    const token = await adminToken(t.app);
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/coupon-templates',
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'trace-abc-123' },
    });
    await activeTemplate(t.app, { keyword: '日志' });
    const claim = sim.text('o-secret-openid', '日志');
    const res = await wx(claim);
    const bind = await wxClient(t).reply(sim, sim.text('o-phone-owner', '绑定手机 13912345678'));
    expect(bind.status).toBe(200);
    expect(bind.text).toContain('139****5678');
    expect(res.headers['x-request-id']).toBeDefined();
    await new Promise((r) => setTimeout(r, 300)); // async file destination

    const lines = readFileSync(logFile, 'utf8').trim().split('\n');
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.length).toBeGreaterThan(2);
    const traced = entries.find(
      (e) => (e.req as { id?: string } | undefined)?.id === 'trace-abc-123',
    );
    expect(traced).toBeDefined();
    const all = lines.join('\n');
    for (const secret of [
      token,
      TEST_ENV.JWT_SECRET,
      TEST_ENV.ADMIN_BOOTSTRAP_PASSWORD,
      TEST_ENV.WECHAT_APP_SECRET,
      TEST_ENV.WECHAT_ENCODING_AES_KEY,
      claim.query.signature,
      claim.query.msg_signature,
      'o-secret-openid',
      '13912345678', // the phone number, never unmasked in a log line
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
