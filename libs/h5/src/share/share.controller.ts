import {
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiExcludeEndpoint,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiException, Public } from '@app/core';
import { FissionShareService, ShareLinkRefusal } from '@app/growth';
import { SESSION_COOKIE, WechatOAuthService } from '@app/wechat';
import { h5Config, type H5Config } from '../h5.settings';
import {
  FollowerOpenid,
  FollowerSessionGuard,
  FollowerSessions,
} from '../session/follower-session';
import { ShareClaimView } from './dto/share-claim.view';
import { errorPage, OUTCOME_TEXT, sharePage } from './share-page.html';

/** Tokens are base64url; anything else never reaches the service (and never a redirect). */
const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The friend's side of a share link: the page (OAuth round trip first when the browser has no
 * follower session) and the claim API it calls.
 */
@Public()
@ApiTags('h5')
@Controller('h5')
export class ShareController {
  constructor(
    private readonly shares: FissionShareService,
    private readonly sessions: FollowerSessions,
    private readonly oauth: WechatOAuthService,
    @Inject(h5Config.KEY) private readonly cfg: H5Config,
  ) {}

  @Get('share/:token')
  @ApiExcludeEndpoint()
  async page(
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    void res.header('cache-control', 'no-store');
    if (!TOKEN.test(token)) return this.error(res, new ShareLinkRefusal('MALFORMED'));
    if (!this.sessions.openidOf(req)) {
      // Back to this very page after WeChat's snsapi_base round trip: a path we built, never a
      // caller-supplied URL (the OAuth callback re-checks it is same-origin).
      const state = `/h5/share/${token}`;
      const url = this.oauth.authorizeUrl(`${this.cfg.baseUrl}/wx/oauth/callback`, state);
      await res.redirect(url, 302);
      return;
    }
    try {
      const p = await this.shares.open(token);
      const closed = p.closed ? OUTCOME_TEXT[p.closed] : null;
      await res
        .status(200)
        .type('text/html; charset=utf-8')
        .send(sharePage(p.campaign.name, p.template, `/h5/api/share/${token}/claim`, closed));
    } catch (err) {
      if (err instanceof ShareLinkRefusal) return this.error(res, err);
      throw err;
    }
  }

  @Post('api/share/:token/claim')
  @HttpCode(200)
  @UseGuards(FollowerSessionGuard)
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({
    operationId: 'claimShareCoupon',
    summary: 'A friend claims the coupon of a share link (the session cookie names the friend)',
    description:
      'Same claim path as keyword claims (Lua gate + MySQL proof, channel SHARE). A GRANTED claim ' +
      'counts as an invitation for the sharer unless it is a self-invite, a friend already counted, ' +
      'not a new follower (newFollowersOnly) or the sharer is capped. Cross-site requests are refused.',
  })
  @ApiParam({ name: 'token', description: 'The share token of the link' })
  @ApiOkResponse({ type: ShareClaimView })
  @ApiBadRequestResponse({ description: 'Forged or malformed link (details.reason)' })
  @ApiGoneResponse({ description: 'The link expired with its campaign' })
  @ApiUnauthorizedResponse({ description: 'No follower session (open the page in WeChat first)' })
  @ApiForbiddenResponse({ description: 'Cross-site request' })
  async claim(
    @Param('token') token: string,
    @FollowerOpenid() openid: string,
    @Req() req: FastifyRequest,
  ): Promise<ShareClaimView> {
    this.sameOrigin(req);
    try {
      if (!TOKEN.test(token)) throw new ShareLinkRefusal('MALFORMED');
      const r = await this.shares.claim(token, openid);
      const view: ShareClaimView = { outcome: r.outcome };
      if (r.coupon) {
        view.coupon = {
          code: r.coupon.code,
          validFrom: r.coupon.validFrom.toISOString(),
          validTo: r.coupon.validTo.toISOString(),
        };
      }
      return view;
    } catch (err) {
      // An expired link is gone for good (410); forged/unknown answer through the refusal table.
      if (err instanceof ShareLinkRefusal && err.reason === 'EXPIRED') {
        throw new ApiException(HttpStatus.GONE, err.message, { reason: err.reason });
      }
      throw err;
    }
  }

  /** CSRF: the cookie is SameSite=Lax already; also refuse what a browser marks cross-site. */
  private sameOrigin(req: FastifyRequest): void {
    const site = req.headers['sec-fetch-site'];
    if (site && site !== 'same-origin' && site !== 'none') {
      throw new ForbiddenException('cross-site request refused');
    }
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && origin !== this.cfg.baseUrl && origin !== ownOrigin(req)) {
      throw new ForbiddenException('cross-site request refused');
    }
  }

  private async error(res: FastifyReply, err: ShareLinkRefusal): Promise<void> {
    const expired = err.reason === 'EXPIRED';
    await res
      .status(statusOf(err))
      .type('text/html; charset=utf-8')
      .send(
        expired
          ? errorPage('活动已结束', '这个分享链接已经过期了，关注公众号看看新的活动吧。')
          : errorPage('链接无效', '这个分享链接无法识别，请让好友重新分享给你。'),
      );
  }
}

/** Expired links are 410 Gone; forged/malformed 400; unknown 404. */
function statusOf(err: ShareLinkRefusal): number {
  if (err.reason === 'EXPIRED') return HttpStatus.GONE;
  return err.kind === 'not_found' ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
}

function ownOrigin(req: FastifyRequest): string {
  return `${req.protocol}://${req.headers.host ?? ''}`;
}
