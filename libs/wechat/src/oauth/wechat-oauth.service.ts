import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ApiException } from '@app/core';
import { wechatConfig, type WechatConfig } from '../wechat.settings';
import { WechatApiError } from '../api/wechat-api.error';
import { WechatHttp } from '../api/wechat-http';
import { toHttpError } from '../api/platform-http-error';

/** The code errors a follower can cause (stale link, reload, forged URL) and what to tell them. */
const CODE_ERRORS: Record<number, { status: HttpStatus; message: string }> = {
  40029: { status: HttpStatus.BAD_REQUEST, message: 'OAuth code is invalid' },
  40163: { status: HttpStatus.BAD_REQUEST, message: 'OAuth code has already been used' },
  42003: {
    status: HttpStatus.UNAUTHORIZED,
    message: 'OAuth code has expired; open the page again',
  },
};

/** snsapi_base: exchanges the code WeChat appended to our redirect for the follower's openid. */
@Injectable()
export class WechatOAuthService {
  constructor(
    private readonly http: WechatHttp,
    @Inject(wechatConfig.KEY) private readonly cfg: WechatConfig,
  ) {}

  /**
   * Where to send a follower's browser for a snsapi_base authorization: WeChat comes back to
   * `redirectUri` (our /wx/oauth/callback) with a code and `state` (the same-origin path to return to).
   */
  authorizeUrl(redirectUri: string, state: string): string {
    const q = new URLSearchParams({
      appid: this.cfg.appId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'snsapi_base',
      state,
    });
    return `${this.cfg.oauthAuthorizeUrl}?${q.toString()}#wechat_redirect`;
  }

  async openidFor(code: string): Promise<string> {
    try {
      // A code works once: never retried. The web access_token in the answer is not needed.
      const r = await this.http.request<{ openid?: string }>({
        method: 'GET',
        path: 'sns/oauth2/access_token',
        query: {
          appid: this.cfg.appId,
          secret: this.cfg.appSecret,
          code,
          grant_type: 'authorization_code',
        },
      });
      if (!r.openid) throw new ApiException(HttpStatus.BAD_GATEWAY, 'WeChat returned no openid');
      return r.openid;
    } catch (err) {
      const known = err instanceof WechatApiError ? CODE_ERRORS[err.errcode] : undefined;
      if (known)
        throw new ApiException(known.status, known.message, {
          errcode: (err as WechatApiError).errcode,
        });
      throw toHttpError(err);
    }
  }
}
