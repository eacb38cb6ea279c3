import type { FastifyRequest } from 'fastify';
import type { AdminRole } from './entities/admin-user.entity';

/** Who is calling: re-read from the database on every request, never trusted from the token alone. */
export interface AdminPrincipal {
  id: number;
  username: string;
  role: AdminRole;
}

/** The AuthGuard attaches the principal here. */
export interface AuthenticatedRequest extends FastifyRequest {
  admin?: AdminPrincipal;
}
