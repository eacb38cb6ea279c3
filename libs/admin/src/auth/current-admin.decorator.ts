import { createParamDecorator, type ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { AdminPrincipal, AuthenticatedRequest } from './admin-principal';

/** Injects the authenticated admin (`request.admin`) into a handler parameter. */
export const CurrentAdmin = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AdminPrincipal => {
    const admin = ctx.switchToHttp().getRequest<AuthenticatedRequest>().admin;
    // Only reachable if a @Public() route asks for the admin: fail closed.
    if (!admin) throw new UnauthorizedException('Authentication required');
    return admin;
  },
);
