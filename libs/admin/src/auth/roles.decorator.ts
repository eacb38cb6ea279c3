import { SetMetadata } from '@nestjs/common';
import type { AdminRole } from './entities/admin-user.entity';

export const ROLES_KEY = 'adminRoles';

/**
 * Restricts a controller or handler to the listed roles (handler metadata wins over the class's).
 * ADMIN is always allowed, so `@Roles(AdminRole.ADMIN)` means "admins only".
 */
export const Roles = (...roles: AdminRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);
