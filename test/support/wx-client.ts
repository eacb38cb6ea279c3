import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './test-app';
import type { SimulatedRequest, WechatSimulator } from './wechat-simulator';

export { codeIn } from './replies';

/** One POST /wx and what the follower would see. */
export interface WxReply {
  status: number;
  /** The reply's text ('' for WeChat's "no reply" and for any answer other than 200). */
  text: string;
  /** Round trip, reading the reply included. */
  ms: number;
  res: LightMyRequestResponse;
}

/** POST /wx as WeChat does, and read the passive reply the way the platform would. */
export function wxClient(t: Pick<TestApp, 'app'>) {
  const post = (
    req: SimulatedRequest,
    contentType = 'text/xml',
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method: 'POST',
      url: req.url,
      payload: req.body,
      headers: { 'content-type': contentType, ...headers },
    });

  /** The text of a passive reply (decrypted and signature-checked in safe mode). */
  const read = async (sim: WechatSimulator, res: LightMyRequestResponse): Promise<string> =>
    (await sim.readReply(res.body)).Content ?? '';

  /** Post and read, whatever the answer: for tests that look at the status or the time too. */
  const reply = async (
    sim: WechatSimulator,
    req: SimulatedRequest,
    headers: Record<string, string> = {},
  ): Promise<WxReply> => {
    const started = Date.now();
    const res = await post(req, 'text/xml', headers);
    const text = res.statusCode === 200 ? await read(sim, res) : '';
    return { status: res.statusCode, text, ms: Date.now() - started, res };
  };

  /** The reply text; fails the test unless WeChat would have accepted the answer (200). */
  const send = async (
    sim: WechatSimulator,
    req: SimulatedRequest,
    headers: Record<string, string> = {},
  ): Promise<string> => {
    const r = await reply(sim, req, headers);
    if (r.status !== 200) {
      throw new Error(`POST /wx answered ${r.status}: ${r.res.body}`);
    }
    return r.text;
  };

  return { post, read, reply, send };
}
