import { BadRequestException, Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@app/core';
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
  ) {}

  @Get('callback')
  async callback(
    @Query('code') code: string | undefined,
    @Query('state') state: string | undefined,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    if (!code || !/^[A-Za-z0-9_-]{1,128}$/.test(code)) {
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
    // req.protocol honours X-Forwarded-Proto from a trusted proxy (TRUST_PROXY).
    const secure = req.protocol === 'https' ? '; Secure' : '';
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
      .send({ openid, expiresAt: session.expiresAt, session: value });
  }
}
