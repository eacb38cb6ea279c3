import { parseDatabaseUrl } from '@app/core';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { TcpProxy } from './support/tcp-proxy';
import { WechatSimulator } from './support/wechat-simulator';
import { wxClient } from './support/wx-client';
import { TEST_ENV } from './setup/test-env';

jest.setTimeout(60_000);

const sim = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });

/** MySQL goes away under a running app (a TCP proxy is cut), then comes back. */
describe('faults: MySQL down', () => {
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    const db = parseDatabaseUrl(TEST_ENV.DATABASE_URL);
    proxy = await TcpProxy.start({ host: db.host, port: db.port });
    const user =
      encodeURIComponent(db.username) + (db.password ? `:${encodeURIComponent(db.password)}` : '');
    t = await createTestApp({
      DATABASE_URL: `mysql://${user}@127.0.0.1:${proxy.port}/${db.database}`,
      AUDIT_CONSUMER_ENABLED: 'false',
      WECHAT_REPLY_DEADLINE_MS: '1500',
    });
    await resetState(t);
  });
  afterAll(async () => {
    await proxy.up().catch(() => undefined);
    await t?.close();
    await proxy.down();
    delete process.env.AUDIT_CONSUMER_ENABLED;
    delete process.env.WECHAT_REPLY_DEADLINE_MS;
  });

  const ready = () => t.app.inject({ method: 'GET', url: '/health/ready' });
  const claim = (openid: string) => wxClient(t).reply(sim, sim.text(openid, '断库'));

  it('readiness turns red, followers get an answer (never a false "granted"), and it recovers', async () => {
    await activeTemplate(t.app, { keyword: '断库', totalQuantity: 10 });
    expect((await ready()).statusCode).toBe(200);
    expect((await claim('o-before')).text).toContain('领取成功');

    await proxy.down();
    const down = await ready();
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({
      statusCode: 503,
      details: { mysql: { status: 'down' }, redis: { status: 'up' } },
    });

    const during = await claim('o-during');
    expect(during.status).toBe(200); // WeChat must not retry into an outage
    expect(during.text).not.toContain('券码'); // nothing is reported granted without its row
    expect(during.ms).toBeLessThan(1500 + 1000); // inside the reply deadline (+ margin)

    await proxy.up();
    const deadline = Date.now() + 15_000;
    while ((await ready()).statusCode !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await ready()).statusCode).toBe(200);
    expect((await claim('o-after')).text).toContain('领取成功');
  });
});
