import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './test-app';
import type { SimulatedRequest, WechatSimulator } from './wechat-simulator';

export { codeIn } from './replies';

/** POST /wx as WeChat does, and read the passive reply the way the platform would. */
export function wxClient(t: Pick<TestApp, 'app'>) {
  const post = (req: SimulatedRequest, contentType = 'text/xml'): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method: 'POST',
      url: req.url,
      payload: req.body,
      headers: { 'content-type': contentType },
    });

  /** The reply text; fails the test unless WeChat would have accepted the answer (200). */
  const send = async (sim: WechatSimulator, req: SimulatedRequest): Promise<string> => {
    const res = await post(req);
    if (res.statusCode !== 200) {
      throw new Error(`POST /wx answered ${res.statusCode}: ${res.body}`);
    }
    return (await sim.readReply(res.body)).Content ?? '';
  };

  return { post, send };
}
