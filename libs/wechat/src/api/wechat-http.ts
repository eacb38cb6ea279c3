import { Inject, Injectable } from '@nestjs/common';
import { wechatConfig, type WechatConfig } from '../wechat.settings';
import { WechatApiError, WechatNetworkError } from './wechat-api.error';

export interface WechatRequest {
  method: 'GET' | 'POST';
  /** e.g. 'cgi-bin/menu/get' (no leading slash). */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

/**
 * One HTTP exchange with the platform: base URL, timeout, JSON, errcode -> WechatApiError.
 * No tokens, no retries (callers decide what is safe to repeat). Errors name the path only, so
 * neither the AppSecret nor an access_token can leak into logs through an error message.
 */
@Injectable()
export class WechatHttp {
  constructor(@Inject(wechatConfig.KEY) private readonly cfg: WechatConfig) {}

  async request<T>(req: WechatRequest): Promise<T> {
    const url = new URL(`${this.cfg.apiBaseUrl}/${req.path}`);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, {
        method: req.method,
        headers: req.body === undefined ? undefined : { 'content-type': 'application/json' },
        // WeChat wants raw UTF-8 (not \uXXXX escapes) in menu names and message texts.
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(this.cfg.apiTimeoutMs),
      });
      text = await res.text();
    } catch (err) {
      // AbortSignal.timeout rejects with a DOMException (not always instanceof Error).
      const timedOut = (err as { name?: string } | null)?.name === 'TimeoutError';
      throw new WechatNetworkError(
        req.path,
        timedOut ? `timeout after ${this.cfg.apiTimeoutMs} ms` : errorCode(err),
      );
    }
    if (res.status !== 200) throw new WechatNetworkError(req.path, `HTTP ${res.status}`);
    let json: T & { errcode?: number; errmsg?: string };
    try {
      json = JSON.parse(text) as T & { errcode?: number; errmsg?: string };
    } catch {
      throw new WechatNetworkError(req.path, 'response is not JSON');
    }
    if (typeof json.errcode === 'number' && json.errcode !== 0) {
      throw new WechatApiError(json.errcode, String(json.errmsg ?? ''), req.path);
    }
    return json;
  }
}

function errorCode(err: unknown): string {
  const cause = (err as { cause?: { code?: string } }).cause;
  return cause?.code ?? (err as { name?: string } | null)?.name ?? 'network error';
}
