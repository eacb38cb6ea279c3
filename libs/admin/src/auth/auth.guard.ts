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
import type { AuthenticatedRequest } from './admin-principal';
import { AuthService } from './auth.service';
import { AdminRole } from './entities/admin-user.entity';
import { ROLES_KEY } from './roles.decorator';

/** RFC 6750 token68 after a case-insensitive "Bearer" scheme. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * The one global guard (APP_GUARD): every route needs a valid bearer token unless it or its
 * controller is @Public(); then @Roles(...) on the handler (or else the class) must list the
 * caller's role. ADMIN passes every role check. Closed by default: a new route is protected.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    try {
      const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
      if (!token) throw new UnauthorizedException('Missing bearer token');
      request.admin = await this.auth.authenticate(token);
    } catch (err) {
      if (err instanceof UnauthorizedException) {
        void http.getResponse<FastifyReply>().header('WWW-Authenticate', 'Bearer');
      }
      throw err;
    }

    const roles = this.reflector.getAllAndOverride<AdminRole[] | undefined>(ROLES_KEY, targets);
    const role = request.admin.role;
    if (roles?.length && role !== AdminRole.ADMIN && !roles.includes(role)) {
      throw new ForbiddenException(`Role ${role} may not perform this action`);
    }
    return true;
  }
}
