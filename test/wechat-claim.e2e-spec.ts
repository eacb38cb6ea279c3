import { CouponTemplateService } from '@app/coupon';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { type SimulatedRequest, WechatSimulator } from './support/wechat-simulator';
import { TEST_ENV } from './setup/test-env';
import { codeIn, wxClient } from './support/wx-client';

const safe = new WechatSimulator({
  token: TEST_ENV.WECHAT_TOKEN,
  appId: TEST_ENV.WECHAT_APP_ID,
  encodingAesKey: TEST_ENV.WECHAT_ENCODING_AES_KEY,
});
const plain = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });

describe('WeChat claim path (real MariaDB + Redis, real HTTP stack)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(() => resetState(t));
  afterAll(() => t.close());

  const post = (req: SimulatedRequest, contentType?: string) => wxClient(t).post(req, contentType);
  const send = (sim: WechatSimulator, req: SimulatedRequest) => wxClient(t).send(sim, req);

  const countRows = async (templateId: number): Promise<number> => {
    const [{ n }] = await t.db.query<{ n: string }[]>(
      'SELECT COUNT(*) AS n FROM coupon WHERE template_id = ?',
      [templateId],
    );
    return Number(n);
  };

  describe('server verification (GET /wx)', () => {
    it('echoes echostr when the signature is valid', async () => {
      const v = safe.verification('hello-echo');
      const res = await t.app.inject({ method: 'GET', url: v.url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe('hello-echo');
    });

    it('refuses a wrong signature or a stale timestamp with 401', async () => {
      const v = safe.verification('x');
      const wrong = await t.app.inject({
        method: 'GET',
        url: v.url.replace(/signature=[0-9a-f]+/, 'signature=' + '0'.repeat(40)),
      });
      expect(wrong.statusCode).toBe(401);
      const stale = safe.verification('x', Math.floor(Date.now() / 1000) - 3600);
      expect((await t.app.inject({ method: 'GET', url: stale.url })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'GET', url: '/wx' })).statusCode).toBe(401);
    });
  });

  describe('claims', () => {
    it('grants a unique code for the keyword (safe mode) and writes the row first', async () => {
      const tpl = await activeTemplate(t.app, { keyword: '优惠券' });
      const reply = await send(safe, safe.text('o-kw-1', '优惠券'));
      const code = codeIn(reply);
      expect(reply).toContain('领取成功');
      expect(code).toBeDefined();
      const [row] = await t.db.query<{ openid: string; status: string; channel: string }[]>(
        'SELECT openid, status, channel FROM coupon WHERE code = ?',
        [code],
      );
      expect(row).toEqual({ openid: 'o-kw-1', status: 'AVAILABLE', channel: 'KEYWORD' });
      expect(await countRows(tpl.id)).toBe(1);
    });

    it('grants on a menu CLICK (plain mode) and refuses a second claim at perUserLimit 1', async () => {
      const tpl = await activeTemplate(t.app, { menuKey: 'COUPON_MENU' });
      const first = await send(plain, plain.click('o-menu-1', 'COUPON_MENU'));
      expect(codeIn(first)).toBeDefined();
      const second = await send(
        plain,
        plain.click('o-menu-1', 'COUPON_MENU', Math.floor(Date.now() / 1000) + 1),
      );
      expect(second).toContain('已经领取过');
      expect(codeIn(second)).toBeUndefined();
      expect(await countRows(tpl.id)).toBe(1);
    });

    it('answers a retried MsgId with the identical reply and never a second coupon', async () => {
      const tpl = await activeTemplate(t.app, { keyword: '重试', perUserLimit: 5 });
      const req = safe.text('o-retry', '重试', '900000000000001');
      const replies = await Promise.all([send(safe, req), send(safe, req), send(safe, req)]);
      const again = await send(safe, req);
      expect(new Set([...replies, again]).size).toBe(1);
      expect(codeIn(again)).toBeDefined();
      expect(await countRows(tpl.id)).toBe(1);
    });

    it('answers a retried event (same FromUserName + CreateTime) identically', async () => {
      const tpl = await activeTemplate(t.app, { menuKey: 'RETRY_CLICK', perUserLimit: 5 });
      const createTime = Math.floor(Date.now() / 1000);
      const a = await send(plain, plain.click('o-evt', 'RETRY_CLICK', createTime));
      const b = await send(plain, plain.click('o-evt', 'RETRY_CLICK', createTime));
      expect(a).toBe(b);
      expect(await countRows(tpl.id)).toBe(1);
    });

    it('tells the follower when a campaign is not started, paused or ended', async () => {
      const hour = 3_600_000;
      await activeTemplate(t.app, {
        keyword: '未开始',
        claimStartsAt: new Date(Date.now() + hour).toISOString(),
        claimEndsAt: new Date(Date.now() + 2 * hour).toISOString(),
      });
      expect(await send(plain, plain.text('o-w', '未开始'))).toContain('还没开始');

      await activeTemplate(t.app, {
        keyword: '已结束',
        claimStartsAt: new Date(Date.now() - 2 * hour).toISOString(),
        claimEndsAt: new Date(Date.now() - hour).toISOString(),
      });
      expect(await send(plain, plain.text('o-w', '已结束'))).toContain('已经结束');

      const paused = await activeTemplate(t.app, { keyword: '暂停' });
      await t.app.get(CouponTemplateService).transition(paused.id, 'pause');
      expect(await send(plain, plain.text('o-w', '暂停'))).toContain('暂停');
    });

    it('welcomes new followers and helps on anything else', async () => {
      expect(await send(safe, safe.subscribe('o-new'))).toContain('感谢关注');
      expect(await send(safe, safe.text('o-new', '随便说说'))).toContain('关键词');
      const unsub = await post(plain.event('o-new', 'unsubscribe'));
      expect(unsub.statusCode).toBe(200);
      expect(unsub.body).toBe('success');
    });
  });

  describe('concurrency', () => {
    it('500 followers racing for stock 100 -> exactly 100 granted, unique codes, the rest sold out', async () => {
      const tpl = await activeTemplate(t.app, { keyword: '抢券', totalQuantity: 100 });
      const replies = await Promise.all(
        Array.from({ length: 500 }, (_, i) => send(safe, safe.text(`o-race-${i}`, '抢券'))),
      );
      const codes = replies.map(codeIn).filter((c): c is string => c !== undefined);
      expect(codes).toHaveLength(100);
      expect(new Set(codes).size).toBe(100);
      expect(replies.filter((r) => r.includes('领完'))).toHaveLength(400);
      expect(await countRows(tpl.id)).toBe(100);
      const [{ n }] = await t.db.query<{ n: string }[]>(
        'SELECT COUNT(DISTINCT code) AS n FROM coupon WHERE template_id = ?',
        [tpl.id],
      );
      expect(Number(n)).toBe(100);
    });

    it('one follower firing 20 concurrent claims at perUserLimit 3 -> exactly 3', async () => {
      const tpl = await activeTemplate(t.app, { keyword: '连点', perUserLimit: 3 });
      const replies = await Promise.all(
        Array.from({ length: 20 }, () => send(plain, plain.text('o-greedy', '连点'))),
      );
      expect(replies.filter((r) => codeIn(r))).toHaveLength(3);
      expect(replies.filter((r) => r.includes('已经领取过'))).toHaveLength(17);
      expect(await countRows(tpl.id)).toBe(3);
    });

    it('Redis flushed mid-campaign -> no oversell and no over-limit afterwards', async () => {
      const tpl = await activeTemplate(t.app, {
        keyword: '冲刷',
        totalQuantity: 60,
        perUserLimit: 2,
      });
      const burst = (from: number, to: number) =>
        Promise.all(
          Array.from({ length: to - from }, (_, i) =>
            send(plain, plain.text(`o-flush-${(from + i) % 40}`, '冲刷')),
          ),
        );
      const before = burst(0, 50);
      await new Promise((r) => setTimeout(r, 5));
      await (t.redis as { flushdb(): Promise<unknown> }).flushdb(); // lose everything mid-burst
      await before;
      await (t.redis as { flushdb(): Promise<unknown> }).flushdb();
      await burst(50, 200);
      expect(await countRows(tpl.id)).toBe(60);
      const [{ worst }] = await t.db.query<{ worst: number }[]>(
        'SELECT MAX(n) AS worst FROM (SELECT COUNT(*) AS n FROM coupon WHERE template_id = ? GROUP BY openid) x',
        [tpl.id],
      );
      expect(Number(worst)).toBeLessThanOrEqual(2);
      const [{ maxSeq }] = await t.db.query<{ maxSeq: number }[]>(
        'SELECT MAX(stock_seq) AS maxSeq FROM coupon WHERE template_id = ?',
        [tpl.id],
      );
      expect(maxSeq).toBeLessThanOrEqual(60);
    });
  });

  describe('bad input: clear 4xx, nothing written, still serving', () => {
    let templateId: number;
    beforeEach(async () => {
      templateId = (await activeTemplate(t.app, { keyword: '坏输入', perUserLimit: 10 })).id;
    });

    it.each([
      ['malformed XML', () => plain.sign('<xml><MsgType>text</MsgType'), 400],
      ['non-xml root', () => plain.sign('<note><a>1</a></note>'), 400],
      [
        'DOCTYPE/entity payload',
        () =>
          plain.sign(
            '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><ToUserName>gh</ToUserName><FromUserName>o-bad</FromUserName><MsgType>text</MsgType><Content>&x;</Content><MsgId>1</MsgId></xml>',
          ),
        400,
      ],
      [
        'wrong signature',
        () => {
          const r = plain.text('o-bad', '坏输入');
          return { ...r, url: r.url.replace(/signature=[0-9a-f]+/, 'signature=' + 'f'.repeat(40)) };
        },
        401,
      ],
      [
        'stale timestamp',
        () => plain.sign(plain.text('o-bad', '坏输入').body, { timestamp: 1_000_000_000 }),
        401,
      ],
      [
        'wrong msg_signature (safe mode)',
        () => {
          const r = safe.text('o-bad', '坏输入');
          return {
            ...r,
            url: r.url.replace(/msg_signature=[0-9a-f]+/, 'msg_signature=' + 'a'.repeat(40)),
          };
        },
        401,
      ],
      [
        'tampered ciphertext (safe mode)',
        () => {
          const encrypted = safe.text('o-bad', '坏输入').body;
          const inner = /<Encrypt><!\[CDATA\[(.*)\]\]><\/Encrypt>/.exec(encrypted)?.[1] ?? '';
          const tampered = inner.slice(0, 20) + (inner[20] === 'A' ? 'B' : 'A') + inner.slice(21);
          // Re-signed, so only the ciphertext is wrong, not msg_signature.
          return safe.signEncrypted(tampered);
        },
        400,
      ],
      [
        'oversized body',
        () => plain.sign(`<xml><Content>${'x'.repeat(70_000)}</Content></xml>`),
        413,
      ],
    ])('%s', async (_name, build, status) => {
      const res = await post(build());
      expect(res.statusCode).toBe(status);
      const body = JSON.parse(res.body) as { statusCode: number; message: string };
      expect(body.statusCode).toBe(status);
      expect(typeof body.message).toBe('string');
      expect(await countRows(templateId)).toBe(0);
      // ...and the service keeps serving.
      expect(codeIn(await send(plain, plain.text('o-good', '坏输入')))).toBeDefined();
    });

    it('refuses a non-XML content type and an empty body', async () => {
      const r = plain.text('o-bad', '坏输入');
      expect((await post(r, 'application/json')).statusCode).toBeGreaterThanOrEqual(400);
      expect((await post({ ...r, body: '' })).statusCode).toBe(400);
      expect(await countRows(templateId)).toBe(0);
    });
  });
});
