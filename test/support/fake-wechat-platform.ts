import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { FakeGrowthPlatform } from './fake-wechat-growth';

type Json = Record<string, unknown>;
type TokenState = 'valid' | 'invalid' | 'expired';

/** The platform's documented error bodies (HTTP 200 + errcode). */
const ERR = {
  busy: { errcode: -1, errmsg: 'system error' },
  invalidToken: {
    errcode: 40001,
    errmsg: 'invalid credential, access_token is invalid or not latest rid: fake',
  },
  expiredToken: { errcode: 42001, errmsg: 'access_token expired rid: fake' },
  missingToken: { errcode: 41001, errmsg: 'access_token missing rid: fake' },
  badGrant: { errcode: 40002, errmsg: 'invalid grant_type rid: fake' },
  badAppId: { errcode: 40013, errmsg: 'invalid appid rid: fake' },
  badSecret: { errcode: 40125, errmsg: 'invalid appsecret rid: fake' },
  badCode: { errcode: 40029, errmsg: 'invalid code rid: fake' },
  usedCode: { errcode: 40163, errmsg: 'code been used rid: fake' },
  expiredCode: { errcode: 42003, errmsg: 'code expired rid: fake' },
  badOpenid: { errcode: 40003, errmsg: 'invalid openid rid: fake' },
  badTicketType: { errcode: 40097, errmsg: 'invalid args rid: fake' },
  noMenu: { errcode: 46003, errmsg: 'menu no exist rid: fake' },
  buttonSize: { errcode: 40016, errmsg: 'invalid button size rid: fake' },
};
const OK = { errcode: 0, errmsg: 'ok' };

/**
 * A small, faithful stand-in for api.weixin.qq.com on an ephemeral port: tokens (classic and
 * stable), getcallbackip, menu create/get, custom-service send, snsapi_base OAuth (authorize page
 * and code exchange), jsapi_ticket and user/info, with call
 * counters, the last request bodies and switches to inject the platform's failures.
 */
export class FakeWechatPlatform {
  url = '';
  /** Calls per path, e.g. calls['cgi-bin/token']. */
  readonly calls: Record<string, number> = {};
  /** Last JSON body per path. */
  readonly lastBody: Record<string, Json> = {};
  /** Every customer-service message received, in order. */
  readonly sent: Json[] = [];
  callbackIps: string[] = ['127.0.0.1'];
  /** User tags, mass sends, 45015 (issue #12): see fake-wechat-growth.ts. */
  readonly growth = new FakeGrowthPlatform();
  /** expires_in of newly issued tokens (seconds). */
  tokenExpiresIn = 7200;

  private server?: Server;
  private readonly tokens = new Map<string, { state: TokenState; expiresAt: number }>();
  private current: string | null = null;
  private menu: Json | null = null;
  private busyLeft = 0;
  private busyPath?: string;
  private delayMs = 0;
  private delayPath?: string;
  private readonly codes = new Map<string, { openid: string; used: boolean; expired: boolean }>();
  /** Followers known to cgi-bin/user/info: subscribe time in unix seconds. */
  private readonly followers = new Map<string, number>();
  /** Who "is" the browser at the OAuth authorize page (WeChat knows the signed-in user). */
  private browserOpenid: string | null = null;
  /** The jsapi_ticket handed out last. */
  lastTicket: string | null = null;

  constructor(
    readonly appId: string,
    readonly secret: string,
  ) {}

  static async start(appId: string, secret: string): Promise<FakeWechatPlatform> {
    const fake = new FakeWechatPlatform(appId, secret);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server!.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  count(path: string): number {
    return this.calls[path] ?? 0;
  }

  /** The token handed out last (what the platform considers current). */
  get currentToken(): string | null {
    return this.current;
  }

  /** API calls with the current token now fail with 40001 (e.g. someone else fetched a token). */
  invalidateCurrentToken(): void {
    if (this.current) this.tokens.set(this.current, { state: 'invalid', expiresAt: 0 });
  }

  /** API calls with the current token now fail with 42001. */
  expireCurrentToken(): void {
    if (this.current) this.tokens.set(this.current, { state: 'expired', expiresAt: 0 });
  }

  /** The next n calls (to `path`, or any path) answer {"errcode":-1,"errmsg":"system error"}. */
  busy(n: number, path?: string): void {
    this.busyLeft = n;
    this.busyPath = path;
  }

  /** Answer every call (to `path`, or any path) only after ms milliseconds. */
  slow(ms: number, path?: string): void {
    this.delayMs = ms;
    this.delayPath = path;
  }

  /** A code WeChat would append to the OAuth redirect for this follower. */
  addOAuthCode(code: string, openid: string, opts: { expired?: boolean } = {}): void {
    this.codes.set(code, { openid, used: false, expired: opts.expired ?? false });
  }

  /** cgi-bin/user/info answers subscribe=1 with this subscribe_time for the follower. */
  addFollower(openid: string, subscribedAt: Date): void {
    this.followers.set(openid, Math.floor(subscribedAt.getTime() / 1000));
  }

  /** The WeChat user the authorize page signs in as (a browser test's phone). */
  signInBrowserAs(openid: string): void {
    this.browserOpenid = openid;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/+/, '');
    this.calls[path] = (this.calls[path] ?? 0) + 1;
    const raw = await readBody(req);
    let body: Json = {};
    if (raw) {
      try {
        body = JSON.parse(raw) as Json;
      } catch {
        return send(res, { errcode: 47001, errmsg: 'data format error rid: fake' });
      }
      this.lastBody[path] = body;
    }
    if (this.delayMs > 0 && (!this.delayPath || this.delayPath === path)) {
      await sleep(this.delayMs);
    }
    if (this.busyLeft > 0 && (!this.busyPath || this.busyPath === path)) {
      this.busyLeft--;
      return send(res, ERR.busy);
    }
    const q = Object.fromEntries(url.searchParams);
    switch (path) {
      case 'cgi-bin/token':
        return send(res, this.classicToken(q));
      case 'cgi-bin/stable_token':
        return send(res, this.stableToken(body));
      case 'sns/oauth2/access_token':
        return send(res, this.oauth(q));
      case 'connect/oauth2/authorize':
        return this.authorize(q, res);
    }
    const denied = this.checkToken(q.access_token);
    if (denied) return send(res, denied);
    switch (`${req.method} ${path}`) {
      case 'GET cgi-bin/getcallbackip':
        return send(res, { ip_list: this.callbackIps });
      case 'POST cgi-bin/menu/create': {
        const buttons = body.button;
        if (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > 3) {
          return send(res, ERR.buttonSize);
        }
        this.menu = { button: buttons };
        return send(res, OK);
      }
      case 'GET cgi-bin/menu/get':
        return send(res, this.menu ? { menu: this.menu } : ERR.noMenu);
      case 'GET cgi-bin/ticket/getticket':
        if (q.type !== 'jsapi' && q.type !== 'wx_card') return send(res, ERR.badTicketType);
        this.lastTicket = `TICKET_${randomBytes(24).toString('base64url')}`;
        return send(res, { ...OK, ticket: this.lastTicket, expires_in: 7200 });
      case 'GET cgi-bin/user/info': {
        if (!q.openid || !/^[A-Za-z0-9_-]{1,64}$/.test(q.openid)) return send(res, ERR.badOpenid);
        const at = this.followers.get(q.openid);
        return send(
          res,
          at === undefined
            ? { subscribe: 0, openid: q.openid }
            : { subscribe: 1, openid: q.openid, subscribe_time: at, language: 'zh_CN' },
        );
      }
      case 'POST cgi-bin/message/custom/send': {
        const refused = this.growth.customSendRefusal(body);
        if (refused) return send(res, refused);
        this.sent.push(body);
        return send(res, OK);
      }
      default: {
        const answer = this.growth.answer(`${req.method} ${path}`, body);
        if (answer) return send(res, answer);
        res.writeHead(404).end();
      }
    }
  }

  private credentialsError(appid: unknown, secret: unknown): Json | null {
    if (appid !== this.appId) return ERR.badAppId;
    if (secret !== this.secret) return ERR.badSecret;
    return null;
  }

  private classicToken(q: Record<string, string>): Json {
    if (q.grant_type !== 'client_credential') return ERR.badGrant;
    return this.credentialsError(q.appid, q.secret) ?? this.issue();
  }

  private stableToken(b: Json): Json {
    if (b.grant_type !== 'client_credential') return ERR.badGrant;
    const bad = this.credentialsError(b.appid, b.secret);
    if (bad) return bad;
    const cur = this.current ? this.tokens.get(this.current) : undefined;
    if (this.current && cur?.state === 'valid' && cur.expiresAt > Date.now() && !b.force_refresh) {
      return {
        access_token: this.current,
        expires_in: Math.floor((cur.expiresAt - Date.now()) / 1000),
      };
    }
    return this.issue();
  }

  private issue(): Json {
    const token = `FAKE_${randomBytes(24).toString('hex')}`;
    this.tokens.set(token, { state: 'valid', expiresAt: Date.now() + this.tokenExpiresIn * 1000 });
    this.current = token;
    return { access_token: token, expires_in: this.tokenExpiresIn };
  }

  private checkToken(token: string | undefined): Json | null {
    if (!token) return ERR.missingToken;
    const t = this.tokens.get(token);
    if (!t || t.state === 'invalid') return ERR.invalidToken;
    if (t.state === 'expired' || t.expiresAt <= Date.now()) return ERR.expiredToken;
    return null;
  }

  /**
   * open.weixin.qq.com/connect/oauth2/authorize: snsapi_base is silent, so WeChat sends the browser
   * straight back to redirect_uri with a one-time code and the state.
   */
  private authorize(q: Record<string, string>, res: ServerResponse): void {
    if (q.appid !== this.appId || q.response_type !== 'code' || !q.redirect_uri) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('参数错误');
      return;
    }
    if (!this.browserOpenid) {
      res
        .writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
        .end('请在微信客户端打开链接');
      return;
    }
    const code = `code_${randomBytes(12).toString('hex')}`;
    this.addOAuthCode(code, this.browserOpenid);
    const back = new URL(q.redirect_uri);
    back.searchParams.set('code', code);
    if (q.state !== undefined) back.searchParams.set('state', q.state);
    res.writeHead(302, { location: back.toString() }).end();
  }

  private oauth(q: Record<string, string>): Json {
    if (q.grant_type !== 'authorization_code') return ERR.badGrant;
    const bad = this.credentialsError(q.appid, q.secret);
    if (bad) return bad;
    const c = this.codes.get(q.code ?? '');
    if (!c) return ERR.badCode;
    if (c.expired) return ERR.expiredCode;
    if (c.used) return ERR.usedCode;
    c.used = true;
    return {
      access_token: `WEB_${randomBytes(12).toString('hex')}`,
      expires_in: 7200,
      refresh_token: `REFRESH_${randomBytes(12).toString('hex')}`,
      openid: c.openid,
      scope: 'snsapi_base',
    };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, body: Json): void {
  res.writeHead(200, { 'content-type': 'application/json; encoding=utf-8' });
  res.end(JSON.stringify(body));
}
