import type { DataSource } from 'typeorm';
import type { TestApp } from './test-app';
import type { FakeWechatPlatform } from './fake-wechat-platform';
import { WechatSimulator } from './wechat-simulator';
import { wxClient } from './wx-client';
import { TEST_ENV } from '../setup/test-env';

export const H5_BASE = 'https://h5.example.test';

export const wx = new WechatSimulator({
  token: TEST_ENV.WECHAT_TOKEN,
  appId: TEST_ENV.WECHAT_APP_ID,
});

export async function truncateFission(db: DataSource): Promise<void> {
  for (const table of [
    'fission_campaign',
    'fission_sharer',
    'fission_invite',
    'fission_reward',
    'fission_pending_claim',
    'follower_subscription',
  ]) {
    await db.query(`TRUNCATE TABLE ${table}`);
  }
}

/** The sharer sends the share keyword; returns the reply and the token of the link in it. */
export async function askLink(
  t: Pick<TestApp, 'app'>,
  openid: string,
  keyword: string,
): Promise<{ reply: string; token: string }> {
  const reply = await wxClient(t).send(wx, wx.text(openid, keyword));
  const m = /\/h5\/share\/([A-Za-z0-9_-]+)/.exec(reply);
  if (!m) throw new Error(`no share link in reply: ${reply}`);
  return { reply, token: m[1] };
}

/** A friend's browser: the OAuth callback (as WeChat redirects to it) sets the session cookie. */
export async function friendCookie(
  t: Pick<TestApp, 'app'>,
  platform: FakeWechatPlatform,
  openid: string,
  token: string,
): Promise<string> {
  const code = `c_${openid}_${Math.random().toString(36).slice(2)}`;
  platform.addOAuthCode(code, openid);
  const res = await t.app.inject({
    method: 'GET',
    url: `/wx/oauth/callback?code=${code}&state=${encodeURIComponent(`/h5/share/${token}`)}`,
  });
  if (res.statusCode !== 302) throw new Error(`oauth callback answered ${res.statusCode}`);
  const setCookie = String(res.headers['set-cookie']);
  return setCookie.split(';')[0];
}

export interface ClaimAnswer {
  outcome: string;
  coupon?: { code: string; validFrom: string; validTo: string };
}

export async function claimVia(
  t: Pick<TestApp, 'app'>,
  cookie: string,
  token: string,
): Promise<{ status: number; body: ClaimAnswer }> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/h5/api/share/${token}/claim`,
    headers: { cookie, origin: H5_BASE },
  });
  return { status: res.statusCode, body: res.json<ClaimAnswer>() };
}
