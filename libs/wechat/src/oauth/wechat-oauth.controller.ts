import { BadRequestException, Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@app/core';
import { wechatConfig, type WechatConfig } from '../wechat.settings';
import { looksLikeLocation, safeReturnPath } from './return-path';
import { SESSION_COOKIE, SessionSigner } from './session-signer';
import { WechatOAuthService } from './wechat-oauth.service';

/**
 * The redirect_uri of a snsapi_base authorization: WeChat sends the follower here with `code`
 * (and our `state`). We learn the openid, set a signed session cookie and either redirect to the
 * relative path in `state` or answer with JSON.
 */
@ApiExcludeController()
@Public()
@Controller('wx/oauth')
export class WechatOAuthController {
  constructor(
    private readonly oauth: WechatOAuthService,
    private readonly sessions: SessionSigner,
    @Inject(wechatConfig.KEY) private readonly cfg: WechatConfig,
  ) {}

  @Get('callback')
  async callback(
    @Query('code') code: unknown,
    @Query('state') state: unknown,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    // A repeated parameter arrives as an array: refuse it rather than guess which one counts.
    if (state !== undefined && typeof state !== 'string') {
      throw new BadRequestException('state must be given once');
    }
    if (typeof code !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(code)) {
      throw new BadRequestException(
        'code is required (the follower declined or the link is broken)',
      );
    }
    const returnTo = state && looksLikeLocation(state) ? safeReturnPath(state) : undefined;
    if (returnTo === null)
      throw new BadRequestException('state must be a same-origin relative path');

    const openid = await this.oauth.openidFor(code);
    const { value, session } = this.sessions.issue(openid);
    const maxAge = session.expiresAt - Math.floor(Date.now() / 1000);
    const secure = this.secureCookie(req) ? '; Secure' : '';
    void res.header(
      'set-cookie',
      `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`,
    );
    void res.header('cache-control', 'no-store');
    if (returnTo) {
      await res.redirect(returnTo, 302);
      return;
    }
    await res
      .status(200)
      .type('application/json; charset=utf-8')
      // The cookie is HttpOnly: its value is never echoed where page scripts could read it.
      .send({ openid, expiresAt: session.expiresAt });
  }

  /**
   * OAUTH_COOKIE_SECURE: `true` (the production default: TLS usually ends at a proxy that talks
   * plain HTTP to us), `false`, or `auto` = only when the request came over https (req.protocol
   * honours X-Forwarded-Proto from a trusted proxy, TRUST_PROXY).
   */
  private secureCookie(req: FastifyRequest): boolean {
    const mode = this.cfg.oauthCookieSecure;
    return mode === 'true' || (mode === 'auto' && req.protocol === 'https');
  }
}
