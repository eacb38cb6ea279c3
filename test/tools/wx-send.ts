/**
 * Sends one WeChat callback to a running server, signed (and in safe mode encrypted) exactly as
 * the WeChat platform would, and prints the decrypted reply.
 *
 *   npm run wx:send -- --openid o1 --text 优惠券
 *   npm run wx:send -- --openid o1 --click MENU_KEY
 *   npm run wx:send -- --openid o1 --subscribe
 *   options: --url http://127.0.0.1:3000 (default from PORT)  --plain (plain mode even with a key)
 *
 * Settings (WECHAT_TOKEN, WECHAT_APP_ID, WECHAT_ENCODING_AES_KEY, PORT) come from .env, or from
 * .env.example when there is no .env, so the request is signed with the server's own secrets.
 */
import './env';
import { parseArgs } from 'node:util';
import { type SimulatedRequest, WechatSimulator } from '../support/wechat-simulator';

const USAGE =
  'usage: npm run wx:send -- --openid <openid> (--text <content> | --click <key> | --subscribe)' +
  ' [--url http://127.0.0.1:3000] [--plain]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      openid: { type: 'string', default: 'o_wx_send_test' },
      text: { type: 'string' },
      click: { type: 'string' },
      subscribe: { type: 'boolean', default: false },
      url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
      plain: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const kinds = [values.text !== undefined, values.click !== undefined, values.subscribe];
  if (kinds.filter(Boolean).length !== 1) {
    console.error(`exactly one of --text, --click, --subscribe is required\n${USAGE}`);
    return 2;
  }

  const token = required('WECHAT_TOKEN');
  const appId = required('WECHAT_APP_ID');
  const key = process.env.WECHAT_ENCODING_AES_KEY?.trim();
  const safeMode = !values.plain && !!key;
  const sim = new WechatSimulator({ token, appId, encodingAesKey: safeMode ? key : undefined });

  const openid = values.openid;
  let req: SimulatedRequest;
  if (values.text !== undefined) req = sim.text(openid, values.text);
  else if (values.click !== undefined) req = sim.click(openid, values.click);
  else req = sim.subscribe(openid);

  const target = new URL(req.url, values.url).toString();
  console.log(`POST ${values.url}/wx (${safeMode ? 'safe mode' : 'plain mode'}) openid=${openid}`);
  const started = performance.now();
  const res = await fetch(target, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml' },
    body: req.body,
  });
  const body = await res.text();
  const ms = (performance.now() - started).toFixed(1);
  console.log(`HTTP ${res.status} in ${ms} ms`);

  if (res.status !== 200) {
    console.log(body);
    return 1;
  }
  const reply = await sim.readReply(body);
  if (reply.Content === undefined) {
    console.log(body === 'success' || body === '' ? '(no reply: "success")' : reply);
  } else {
    console.log(reply.Content);
  }
  return 0;
}

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (.env or environment)`);
  return v;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const cause =
      err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : '';
    console.error(err instanceof Error ? `${err.message}${cause}` : err);
    process.exitCode = 1;
  },
);
