import fc from 'fast-check';
import { AUDIT_STREAM_KEY, StreamAuditRecorder } from '@app/audit';
import { buildXml } from '@app/wechat';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { codeIn, wxClient } from './support/wx-client';
import { type SimulatedRequest, WechatSimulator } from './support/wechat-simulator';
import { TEST_ENV } from './setup/test-env';

const safe = new WechatSimulator({
  token: TEST_ENV.WECHAT_TOKEN,
  appId: TEST_ENV.WECHAT_APP_ID,
  encodingAesKey: TEST_ENV.WECHAT_ENCODING_AES_KEY,
});
const BODY_LIMIT = 256 * 1024;
const plain = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });

/** Issue #10, the /wx items: downgrade, replay, junk messages, body caps; a property test on top. */
describe('/wx hardening (real HTTP stack, MariaDB, Redis)', () => {
  let t: TestApp;
  let wx: ReturnType<typeof wxClient>;
  let templateId: number;

  beforeAll(async () => {
    // Production defaults: the key is configured and plain messages are NOT accepted.
    // A 256 KB cap, so a 9,000-deep message fits when encrypted (the default is 64 KB).
    t = await createTestApp({
      WECHAT_ACCEPT_PLAIN_MESSAGES: 'false',
      WECHAT_BODY_LIMIT_BYTES: String(BODY_LIMIT),
    });
    wx = wxClient(t);
  });
  beforeEach(async () => {
    await resetState(t);
    templateId = (await activeTemplate(t.app, { keyword: '加固券', perUserLimit: 1000 })).id;
  });
  afterAll(() => t.close());

  const rows = async (): Promise<number> => {
    const [{ n }] = await t.db.query<{ n: string }[]>(
      'SELECT COUNT(*) AS n FROM coupon WHERE template_id = ?',
      [templateId],
    );
    return Number(n);
  };
  const auditEntries = async (): Promise<number> => {
    await t.app.get(StreamAuditRecorder).flush();
    return t.redis.xlen(AUDIT_STREAM_KEY);
  };
  const stillServes = async (): Promise<void> => {
    expect(codeIn(await wx.send(safe, safe.text(`o-ok-${Date.now()}`, '加固券')))).toBeDefined();
  };

  describe('downgrade and replay (item 3)', () => {
    it('refuses plain POSTs once safe mode is configured; compatible mode uses the encrypted part', async () => {
      const res = await wx.post(plain.text('o-down', '加固券'));
      expect(res.statusCode).toBe(401);
      expect(res.json<{ message: string }>().message).toContain('WECHAT_ACCEPT_PLAIN_MESSAGES');
      // 兼容模式: WeChat sends encrypt_type=aes with both the plain fields and Encrypt.
      const compat = safe.text('o-compat', '加固券');
      const both = compat.body.replace(
        '<xml>',
        '<xml><FromUserName><![CDATA[o-evil]]></FromUserName><MsgType><![CDATA[text]]></MsgType>',
      );
      const reply = await wx.send(safe, { ...compat, body: both });
      expect(codeIn(reply)).toBeDefined();
      const [{ openid }] = await t.db.query<{ openid: string }[]>(
        'SELECT openid FROM coupon WHERE template_id = ?',
        [templateId],
      );
      expect(openid).toBe('o-compat');
    });

    it('binds a plain signature triple to its first body: a retry replays, another body is 401', async () => {
      const open = await createTestApp({ WECHAT_ACCEPT_PLAIN_MESSAGES: 'true' });
      try {
        const client = wxClient(open);
        const first = plain.text('o-triple-1', '加固券', '7100000000000000001');
        const reply = await client.send(plain, first);
        expect(codeIn(reply)).toBeDefined();
        // WeChat's own retry: same triple, same body -> the same answer, no second coupon.
        expect(await client.send(plain, first)).toBe(reply);
        // A captured triple with other bodies and senders -> refused, nothing written.
        for (const [openid, msgId] of [
          ['o-triple-2', '7100000000000000002'],
          ['o-triple-3', '7100000000000000003'],
        ]) {
          const forged = plain.text(openid, '加固券', msgId);
          const res = await client.post({ ...forged, url: first.url });
          expect(res.statusCode).toBe(401);
        }
        expect(await rows()).toBe(1);
      } finally {
        await open.close();
      }
    });
  });

  describe('junk messages get a 4xx, no claim and no audit event (item 10, 11)', () => {
    const unsigned = (r: SimulatedRequest) => ({ ...r, url: r.url.replace(/signature=/g, 'x=') });
    it.each<[string, () => SimulatedRequest, number]>([
      [
        'no FromUserName',
        () =>
          safe.sign(buildXml({ ToUserName: 'gh', MsgType: 'text', Content: '加固券', MsgId: 1 })),
        400,
      ],
      [
        'no ToUserName',
        () =>
          safe.sign(
            buildXml({ FromUserName: 'o-x', MsgType: 'text', Content: '加固券', MsgId: 2 }),
          ),
        400,
      ],
      ['empty <xml>', () => safe.sign('<xml></xml>'), 400],
      [
        'openid with markup',
        () =>
          safe.sign(
            buildXml({
              ToUserName: 'gh',
              FromUserName: 'o<x>"',
              MsgType: 'text',
              Content: '加固券',
              MsgId: 3,
            }),
          ),
        400,
      ],
      [
        '9,000-deep nesting',
        () => safe.sign(`<xml>${'<a>'.repeat(9000)}x${'</a>'.repeat(9000)}</xml>`),
        400,
      ],
      ['unsigned', () => unsigned(safe.text('o-x', '加固券')), 401],
    ])('%s', async (_name, build, status) => {
      const before = await auditEntries();
      const res = await wx.post(build());
      expect(res.statusCode).toBe(status);
      expect(res.json<{ statusCode: number }>().statusCode).toBe(status);
      expect(await rows()).toBe(0);
      expect(await auditEntries()).toBe(before);
      await stillServes();
    });

    it('refuses repeated query parameters with 400 (GET and POST)', async () => {
      const v = safe.verification('echo-1');
      const twice = await t.app.inject({ method: 'GET', url: `${v.url}&echostr=echo-2` });
      expect(twice.statusCode).toBe(400);
      const r = safe.text('o-rep', '加固券');
      const res = await wx.post({ ...r, url: `${r.url}&nonce=1&nonce=2` });
      expect(res.statusCode).toBe(400);
      expect(await rows()).toBe(0);
    });

    it('caps the body whatever its content type (413), and checks the signature before reading it', async () => {
      const big = safe.text('o-big', 'x'.repeat(BODY_LIMIT));
      expect((await wx.post(big, 'text/plain')).statusCode).toBe(413);
      expect((await wx.post(big, 'application/xml')).statusCode).toBe(413);
      // Bad signature + huge body: refused on the query alone (401), the body is never read.
      const forged = {
        ...big,
        url: big.url.replace(/signature=[0-9a-f]+/, `signature=${'0'.repeat(40)}`),
      };
      expect((await wx.post(forged, 'text/plain')).statusCode).toBe(401);
      expect(await rows()).toBe(0);
      await stillServes();
    });
  });

  describe('property: generated junk never yields a 5xx or a coupon', () => {
    const junkXml = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .dictionary(
          fc.oneof(
            fc.constantFrom(
              'ToUserName',
              'FromUserName',
              'MsgType',
              'Content',
              'MsgId',
              'Event',
              'EventKey',
            ),
            fc.string({ maxLength: 12 }),
          ),
          fc.oneof(fc.string({ maxLength: 40 }), fc.constant('加固券'), fc.integer().map(String)),
          { maxKeys: 8 },
        )
        .map(
          (fields) =>
            `<xml>${Object.entries(fields)
              .map(([k, v]) => `<${k}>${v}</${k}>`)
              .join('')}</xml>`,
        ),
      fc
        .nat({ max: 200 })
        .map((depth) => `<xml>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</xml>`),
    );
    const mode = fc.constantFrom('plain', 'safe', 'unsigned', 'bad-cipher');
    const extraQuery = fc.array(
      fc.tuple(
        fc.constantFrom(
          'signature',
          'timestamp',
          'nonce',
          'encrypt_type',
          'msg_signature',
          'echostr',
          'openid',
        ),
        fc.string({ maxLength: 20 }),
      ),
      { maxLength: 3 },
    );
    const contentType = fc.constantFrom(
      'text/xml',
      'application/xml',
      'text/plain',
      'application/json',
      'application/octet-stream',
    );

    it('holds for 150 generated requests (fixed seed)', async () => {
      let granted = 0;
      await fc.assert(
        fc.asyncProperty(junkXml, mode, extraQuery, contentType, async (xml, m, extra, ct) => {
          let req: SimulatedRequest;
          if (m === 'safe') req = safe.sign(xml);
          else if (m === 'bad-cipher')
            req = safe.signEncrypted(Buffer.from(xml).toString('base64'));
          else req = plain.sign(xml);
          let url = m === 'unsigned' ? req.url.replace(/signature=/g, 's=') : req.url;
          for (const [k, v] of extra) url += `&${k}=${encodeURIComponent(v)}`;
          const res = await wx.post({ ...req, url }, ct);
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode !== 200) {
            expect(res.json<{ statusCode: number }>().statusCode).toBe(res.statusCode);
            return;
          }
          // Answered: only a complete, signed, encrypted text message may ever carry a coupon.
          const code = codeIn(await wx.read(safe, res));
          if (code) {
            granted += 1;
            expect(m).toBe('safe');
            for (const field of ['ToUserName', 'FromUserName', 'MsgType', 'Content']) {
              expect(xml).toContain(`<${field}>`);
            }
          }
        }),
        { seed: 20261202, numRuns: 150 },
      );
      expect(await rows()).toBe(granted);
      await stillServes();
    });
  });
});
