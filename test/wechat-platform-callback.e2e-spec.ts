import { createHmac } from 'node:crypto';
import { IpRejectionCounter, PENDING_TEXT } from '@app/wechat';
import { FakeWechatPlatform } from './support/fake-wechat-platform';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { type SimulatedRequest, WechatSimulator } from './support/wechat-simulator';
import { TEST_ENV } from './setup/test-env';
import { codeIn, wxClient } from './support/wx-client';

const sim = new WechatSimulator({
  token: TEST_ENV.WECHAT_TOKEN,
  appId: TEST_ENV.WECHAT_APP_ID,
  encodingAesKey: TEST_ENV.WECHAT_ENCODING_AES_KEY,
});

/** Settings this file varies; every app gets all of them so one test's choice never leaks. */
const base = (fake: FakeWechatPlatform, env: Record<string, string> = {}) => ({
  WECHAT_API_BASE_URL: fake.url,
  WECHAT_IP_ALLOWLIST: 'off',
  TRUST_PROXY: 'false',
  WECHAT_REPLY_DEADLINE_MS: '3000',
  ...env,
});

describe('WeChat callback extras: late replies, welcome coupon, IP allow-list, OAuth', () => {
  let fake: FakeWechatPlatform;
  beforeAll(async () => {
    fake = await FakeWechatPlatform.start(TEST_ENV.WECHAT_APP_ID, TEST_ENV.WECHAT_APP_SECRET);
  });
  afterAll(() => fake.close());

  const post = (t: TestApp, req: SimulatedRequest, headers: Record<string, string> = {}) =>
    wxClient(t).post(req, 'text/xml', headers);
  const reply = (t: TestApp, req: SimulatedRequest) => wxClient(t).send(sim, req);

  describe('claims, subscribe and late replies', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(base(fake, { WECHAT_REPLY_DEADLINE_MS: '400' }));
    });
    beforeEach(() => resetState(t));
    afterAll(() => t.close());

    it('a slow claim gets an immediate passive reply, then one customer-service message', async () => {
      const tpl = await activeTemplate(t.app, { keyword: '慢券' });
      // Hold the template row: the claim's INSERT ... SELECT joins it and must wait.
      const blocker = t.db.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query('SELECT id FROM coupon_template WHERE id = ? FOR UPDATE', [tpl.id]);
      const sentBefore = fake.sent.length;
      try {
        const started = Date.now();
        const text = await reply(t, sim.text('o-slow', '慢券'));
        const elapsed = Date.now() - started;
        expect(text).toBe(PENDING_TEXT);
        expect(elapsed).toBeGreaterThanOrEqual(380);
        expect(elapsed).toBeLessThan(1000);
        await new Promise((r) => setTimeout(r, 800));
        expect(fake.sent.length).toBe(sentBefore); // still blocked: nothing claimed, nothing sent
      } finally {
        await blocker.commitTransaction();
        await blocker.release();
      }
      for (let i = 0; i < 100 && fake.sent.length === sentBefore; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(fake.sent.length).toBe(sentBefore + 1);
      const msg = fake.sent[sentBefore] as {
        touser: string;
        msgtype: string;
        text: { content: string };
      };
      expect(msg.touser).toBe('o-slow');
      expect(msg.msgtype).toBe('text');
      expect(msg.text.content).toContain('领取成功');
      const [row] = await t.db.query<{ code: string }[]>(
        'SELECT code FROM coupon WHERE template_id = ? AND openid = ?',
        [tpl.id, 'o-slow'],
      );
      expect(msg.text.content).toContain(row.code);
    });

    it('subscribe with a welcome template grants one coupon, once, even when WeChat retries', async () => {
      const tpl = await activeTemplate(t.app, {
        welcome: true,
        keyword: undefined,
        menuKey: undefined,
      });
      const createTime = Math.floor(Date.now() / 1000);
      const first = await reply(t, sim.subscribe('o-fan', undefined, createTime));
      expect(first).toContain('感谢关注');
      expect(first).toContain('领取成功');
      const code = codeIn(first);
      expect(code).toBeDefined();
      // WeChat retries the same event (same FromUserName + CreateTime), concurrently too.
      const retries = await Promise.all(
        [1, 2, 3].map(() => reply(t, sim.subscribe('o-fan', undefined, createTime))),
      );
      for (const r of retries) expect(codeIn(r)).toBe(code);
      // Unsubscribe and follow again: welcomed, no second coupon (perUserLimit 1).
      const again = await reply(t, sim.subscribe('o-fan', undefined, createTime + 60));
      expect(again).toContain('感谢关注');
      expect(codeIn(again)).toBeUndefined();
      const [{ n }] = await t.db.query<{ n: string }[]>(
        "SELECT COUNT(*) AS n FROM coupon WHERE template_id = ? AND channel = 'SUBSCRIBE'",
        [tpl.id],
      );
      expect(Number(n)).toBe(1);
    });

    it('allows only one live welcome template', async () => {
      await activeTemplate(t.app, { welcome: true });
      // A domain refusal from the service: the admin edge answers it as a 400 (see admin-templates).
      await expect(activeTemplate(t.app, { welcome: true })).rejects.toMatchObject({
        kind: 'invalid',
        message: expect.stringContaining('welcome'),
      });
    });

    it('QR scene: subscribe with qrscene_<menuKey> and SCAN with <menuKey> claim that template', async () => {
      const tpl = await activeTemplate(t.app, { menuKey: 'QR_SPRING' });
      const viaSubscribe = await reply(t, sim.subscribe('o-qr1', 'qrscene_QR_SPRING'));
      expect(viaSubscribe).toContain('感谢关注');
      expect(viaSubscribe).toContain('领取成功');
      const viaScan = await reply(
        t,
        sim.event('o-qr2', 'SCAN', { EventKey: 'QR_SPRING', Ticket: 'T' }),
      );
      expect(viaScan).toContain('领取成功');
      expect(await reply(t, sim.event('o-qr3', 'SCAN', { EventKey: 'NOPE' }))).toContain('关键词');
      const rows = await t.db.query<{ channel: string }[]>(
        'SELECT channel FROM coupon WHERE template_id = ?',
        [tpl.id],
      );
      expect(rows.map((r) => r.channel)).toEqual(['SUBSCRIBE', 'SUBSCRIBE']);
    });
  });

  describe('IP allow-list', () => {
    it('static list: admits listed IPs/CIDRs (v4 and v6) behind a trusted proxy, rejects others', async () => {
      const t = await createTestApp(
        base(fake, {
          WECHAT_IP_ALLOWLIST: '10.1.2.3, 192.168.0.0/16, 2001:db8::/32',
          TRUST_PROXY: '127.0.0.1/32,::1',
        }),
      );
      try {
        const counter = t.app.get(IpRejectionCounter);
        const via = (ip: string) => post(t, sim.text('o-ip', 'hi'), { 'x-forwarded-for': ip });
        expect((await via('10.1.2.3')).statusCode).toBe(200);
        expect((await via('192.168.44.5')).statusCode).toBe(200);
        expect((await via('2001:db8::7')).statusCode).toBe(200);
        expect((await via('1.2.3.4, 10.1.2.3')).statusCode).toBe(200); // nearest hop counts
        const denied = await via('10.1.2.4');
        expect(denied.statusCode).toBe(403);
        expect(denied.json()).toMatchObject({ statusCode: 403, error: 'Forbidden' });
        expect((await via('10.1.2.3, 8.8.8.8')).statusCode).toBe(403); // spoofed left entry ignored
        // No proxy header: the socket address (127.0.0.1) is not listed.
        expect((await post(t, sim.text('o-ip', 'hi'))).statusCode).toBe(403);
        expect(counter.snapshot().not_listed).toBe(3);
      } finally {
        await t.close();
      }
    });

    it('without trusted proxies X-Forwarded-For is ignored', async () => {
      const t = await createTestApp(base(fake, { WECHAT_IP_ALLOWLIST: '10.1.2.3' }));
      try {
        const res = await post(t, sim.text('o-ip', 'hi'), { 'x-forwarded-for': '10.1.2.3' });
        expect(res.statusCode).toBe(403);
      } finally {
        await t.close();
      }
    });

    it('auto: uses getcallbackip, refreshes on a miss at most once a minute', async () => {
      const t = await createTestApp(
        base(fake, { WECHAT_IP_ALLOWLIST: 'auto', TRUST_PROXY: 'true' }),
      );
      try {
        await resetState(t);
        fake.callbackIps = ['101.226.103.0/25', '2001:db8:1::1'];
        const before = fake.count('cgi-bin/getcallbackip');
        const via = (ip: string) => post(t, sim.text('o-ip', 'hi'), { 'x-forwarded-for': ip });
        expect((await via('101.226.103.9')).statusCode).toBe(200);
        expect((await via('2001:db8:1::1')).statusCode).toBe(200);
        expect(fake.count('cgi-bin/getcallbackip')).toBe(before + 1);
        fake.callbackIps.push('58.251.80.0/24');
        // First miss refreshes (and learns the new range); later misses wait for the minute.
        expect((await via('58.251.80.1')).statusCode).toBe(200);
        expect((await via('9.9.9.9')).statusCode).toBe(403);
        expect((await via('9.9.9.8')).statusCode).toBe(403);
        expect(fake.count('cgi-bin/getcallbackip')).toBe(before + 2);
      } finally {
        await t.close();
      }
    });

    it('auto: a slow getcallbackip never holds a /wx reply past its budget', async () => {
      const t = await createTestApp(
        base(fake, { WECHAT_IP_ALLOWLIST: 'auto', TRUST_PROXY: 'true' }),
      );
      try {
        await resetState(t);
        fake.callbackIps = ['101.226.103.0/25'];
        const via = (ip: string) => post(t, sim.text('o-ip', 'hi'), { 'x-forwarded-for': ip });
        fake.slow(2500, 'cgi-bin/getcallbackip');
        const started = Date.now();
        const first = await via('101.226.103.9'); // no list yet, and the platform is slow
        expect(Date.now() - started).toBeLessThan(2000);
        expect(first.statusCode).toBe(503); // undecidable: WeChat retries
        await new Promise((r) => setTimeout(r, 2000)); // the refresh finished behind the scenes
        fake.slow(0);
        expect((await via('101.226.103.9')).statusCode).toBe(200);
      } finally {
        fake.slow(0);
        await t.close();
      }
    });
  });

  describe('OAuth (snsapi_base)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(base(fake, { TRUST_PROXY: 'true' }));
    });
    afterAll(() => t.close());
    const get = (qs: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url: `/wx/oauth/callback?${qs}`, headers });

    it('exchanges the code, sets a signed session cookie and redirects to a relative path', async () => {
      fake.addOAuthCode('code-ok', 'o-web');
      const res = await get('code=code-ok&state=%2Fcoupons%3Ftab%3D1', {
        'x-forwarded-proto': 'https',
      });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/coupons?tab=1');
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(
        /^wxc_session=[\w-]+\.[\w-]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax; Secure$/,
      );
      const value = /^wxc_session=([^;]+)/.exec(cookie)![1];
      // Checked independently of the signer: HMAC-SHA256 under the domain-separated key.
      const [payload, mac] = value.split('.');
      const key = createHmac('sha256', TEST_ENV.JWT_SECRET).update('wxc-session-v1').digest();
      expect(createHmac('sha256', key).update(payload).digest('base64url')).toBe(mac);
      const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        o: string;
        e: number;
      };
      expect(session.o).toBe('o-web');
      expect(session.e).toBeGreaterThan(Date.now() / 1000);
    });

    it('answers JSON without a redirect, and refuses used, invalid and expired codes', async () => {
      fake.addOAuthCode('code-json', 'o-json');
      const ok = await get('code=code-json');
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ openid: 'o-json' });
      expect(String(ok.headers['set-cookie'])).not.toContain('Secure');

      const used = await get('code=code-json');
      expect(used.statusCode).toBe(400);
      expect(used.json().message).toContain('already been used');
      const invalid = await get('code=nope');
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().message).toContain('invalid');
      fake.addOAuthCode('code-old', 'o-old', { expired: true });
      const expired = await get('code=code-old');
      expect(expired.statusCode).toBe(401);
      expect(expired.json().message).toContain('expired');
      expect((await get('state=x')).statusCode).toBe(400);
    });

    it('never redirects off-site', async () => {
      for (const state of [
        'https://evil.example/',
        '//evil.example',
        '/\\evil.example',
        'javascript:alert(1)',
      ]) {
        fake.addOAuthCode('code-evil', 'o-evil');
        const res = await get(`code=code-evil&state=${encodeURIComponent(state)}`);
        expect(res.statusCode).toBe(400);
        expect(res.headers.location).toBeUndefined();
      }
    });
  });
});
