import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { IS_PUBLIC_KEY } from '@app/core';
import { AdminRateLimiter, isAdminRoute } from './admin-rate-limiter';
import type { AuthenticatedRequest } from './admin-principal';
import { AuthService } from './auth.service';
import { AdminRole } from './entities/admin-user.entity';
import { ANY_ADMIN_KEY, ROLES_KEY } from './roles.decorator';

/** RFC 6750 token68 after a case-insensitive "Bearer" scheme. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * The one global guard (APP_GUARD): every route needs a valid bearer token unless it or its
 * controller is @Public(); then @Roles(...) on the handler (or else the class) must list the
 * caller's role, or the route must be marked @AnyAdmin(). It also applies the admin rate limit,
 * once it knows who is calling: per account with a valid token, else per client IP. ADMIN passes every role check. Closed
 * by default twice over: a new route needs a token, and one that names no roles serves nobody.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly limiter: AdminRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets)) {
      // Public admin routes (login) are counted per client IP; /wx, health, metrics never here.
      if (isAdminRoute(request)) await this.limiter.forIp(request.ip);
      return true;
    }

    try {
      const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
      if (!token) throw new UnauthorizedException('Missing bearer token');
      request.admin = await this.auth.authenticate(token);
    } catch (err) {
      if (err instanceof UnauthorizedException) {
        // No valid token: limited per IP (a 429 wins over the 401 once the IP is over).
        await this.limiter.forIp(request.ip);
        void http.getResponse<FastifyReply>().header('WWW-Authenticate', 'Bearer');
      }
      throw err;
    }
    await this.limiter.forAccount(request.admin.id);

    const role = request.admin.role;
    if (!this.allows(targets, role)) {
      throw new ForbiddenException(`Role ${role} may not perform this action`);
    }
    return true;
  }

  /**
   * Deny by default: the handler's declaration (@Roles or @AnyAdmin) wins over its class's; a
   * route that declares neither is refused to every role.
   */
  private allows(targets: (object | (() => unknown))[], role: AdminRole): boolean {
    for (const target of targets) {
      const roles = this.reflector.get<AdminRole[] | undefined>(ROLES_KEY, target as never);
      if (roles !== undefined) return role === AdminRole.ADMIN || roles.includes(role);
      if (this.reflector.get<boolean | undefined>(ANY_ADMIN_KEY, target as never)) return true;
    }
    return false;
  }
}
