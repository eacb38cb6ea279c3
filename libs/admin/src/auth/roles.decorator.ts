import { SetMetadata } from '@nestjs/common';
import type { AdminRole } from './entities/admin-user.entity';

export const ROLES_KEY = 'adminRoles';
export const ANY_ADMIN_KEY = 'anyAdmin';

/**
 * Restricts a controller or handler to the listed roles (handler metadata wins over the class's).
 * ADMIN is always allowed, so `@Roles(AdminRole.ADMIN)` means "admins only". A route that declares
 * neither @Roles nor @AnyAdmin() is refused to every role (deny by default).
 */
export const Roles = (...roles: AdminRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

/** Explicitly open to every signed-in admin, whatever the role (e.g. "who am I"). */
export const AnyAdmin = (): MethodDecorator & ClassDecorator => SetMetadata(ANY_ADMIN_KEY, true);
