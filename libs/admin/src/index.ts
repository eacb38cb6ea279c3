// The public face of @app/admin: the staff edge the app mounts. Named exports only.
export { AdminModule } from './admin.module';
export { AdminRole, AdminUser } from './auth/entities/admin-user.entity';
export { AuthService } from './auth/auth.service';
export { PasswordHasher } from './auth/password-hasher';
export { ApiErrorResponse, ApiRefusalResponse } from './common/api-error.response';
// Streamed uploads (audience members): the app registers the body parser once.
export { registerStreamedUploads } from './audiences/upload-body';
export { ADMIN_USERNAME } from './auth/entities/admin-user.entity';
export { ANY_ADMIN_KEY, ROLES_KEY } from './auth/roles.decorator';
// Settings this lib owns (validated with every lib's at boot).
export { authConfig, AuthSettings } from './auth/auth.settings';
export type { AuthConfig } from './auth/auth.settings';
export { consoleConfig, ConsoleSettings } from './console/console.settings';
export type { ConsoleConfig } from './console/console.settings';
// The live dashboard's per-instance aggregator (tests end its streams as a restart would).
export { DashboardService } from './dashboard/dashboard.service';
