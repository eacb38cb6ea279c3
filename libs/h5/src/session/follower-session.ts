import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE, SessionSigner } from '@app/wechat';

type WithFollower = FastifyRequest & { followerOpenid?: string };

/** The openid of the signed wxc_session cookie (set by the OAuth callback), or null. */
@Injectable()
export class FollowerSessions {
  constructor(private readonly signer: SessionSigner) {}

  openidOf(req: FastifyRequest): string | null {
    const value = cookie(req.headers.cookie, SESSION_COOKIE);
    return value ? (this.signer.verify(value)?.openid ?? null) : null;
  }
}

/** Follower JSON APIs: a valid session cookie or 401. */
@Injectable()
export class FollowerSessionGuard implements CanActivate {
  constructor(private readonly sessions: FollowerSessions) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<WithFollower>();
    const openid = this.sessions.openidOf(req);
    if (!openid)
      throw new UnauthorizedException('open this page inside WeChat (no follower session)');
    req.followerOpenid = openid;
    return true;
  }
}

/** The follower the guard identified. */
export const FollowerOpenid = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string =>
    ctx.switchToHttp().getRequest<WithFollower>().followerOpenid ?? '',
);

function cookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
