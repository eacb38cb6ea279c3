import { IsString, Matches, MinLength } from 'class-validator';
import { IntSetting, defineSettings } from '@app/core';

/**
 * The admin edge's settings: staff login (JWT), the bootstrap account, the login budget, the
 * admin API rate limit.
 * Validated with every other lib's at boot.
 */
export class AuthSettings {
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @IntSetting(60, 86400)
  JWT_EXPIRES_IN_SECONDS = 900;

  /** Failed logins per username, then per client IP, within the window before a 429. */
  @IntSetting(1, 1000)
  LOGIN_MAX_FAILURES_PER_USERNAME = 5;

  @IntSetting(1, 100000)
  LOGIN_MAX_FAILURES_PER_IP = 20;

  @IntSetting(1, 86400)
  LOGIN_THROTTLE_WINDOW_SECONDS = 900;

  /** Admin API requests allowed per account (per IP without a valid token) in each window. */
  @IntSetting(1, Number.MAX_SAFE_INTEGER)
  ADMIN_RATE_LIMIT = 300;

  @IntSetting(1, 3600)
  ADMIN_RATE_WINDOW_SECONDS = 60;

  @Matches(/^[A-Za-z0-9_.-]{3,64}$/, {
    message: 'ADMIN_BOOTSTRAP_USERNAME must be 3-64 of [A-Za-z0-9_.-]',
  })
  ADMIN_BOOTSTRAP_USERNAME: string;

  @IsString()
  @MinLength(12, { message: 'ADMIN_BOOTSTRAP_PASSWORD must be at least 12 characters' })
  ADMIN_BOOTSTRAP_PASSWORD: string;
}

export const authConfig = defineSettings('auth', AuthSettings, (s) => ({
  jwtSecret: s.JWT_SECRET,
  jwtExpiresInSeconds: s.JWT_EXPIRES_IN_SECONDS,
  bootstrapUsername: s.ADMIN_BOOTSTRAP_USERNAME,
  bootstrapPassword: s.ADMIN_BOOTSTRAP_PASSWORD,
  loginMaxFailuresPerUsername: s.LOGIN_MAX_FAILURES_PER_USERNAME,
  loginMaxFailuresPerIp: s.LOGIN_MAX_FAILURES_PER_IP,
  loginThrottleWindowSeconds: s.LOGIN_THROTTLE_WINDOW_SECONDS,
  adminRateLimit: s.ADMIN_RATE_LIMIT,
  adminRateWindowSeconds: s.ADMIN_RATE_WINDOW_SECONDS,
}));

export type AuthConfig = ReturnType<typeof authConfig>;
