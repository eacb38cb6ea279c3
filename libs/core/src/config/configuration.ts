import { registerAs } from '@nestjs/config';
import { type EnvironmentVariables, validateEnvironment } from './env.validation';

let validated: { raw: string; env: EnvironmentVariables } | undefined;

/**
 * The validated environment, for the namespace factories below. They run when ConfigModule loads
 * (module init), never at import; the environment is validated once per distinct process.env (one
 * boot), not once per namespace, and a bad setting fails the boot with a message naming it.
 */
export function validatedEnvironment(): EnvironmentVariables {
  const raw = JSON.stringify(process.env);
  if (validated?.raw !== raw) validated = { raw, env: validateEnvironment(process.env) };
  return validated.env;
}

/** Each feature reads only its own namespace: `@Inject(wechatConfig.KEY) cfg: WechatConfig`. */
export const appConfig = registerAs('app', () => {
  const env = validatedEnvironment();
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    // API docs are for developers: off in production unless asked for.
    swaggerEnabled: env.SWAGGER_ENABLED ?? env.NODE_ENV !== 'production',
    metricsPort: env.METRICS_PORT,
    metricsHost: env.METRICS_HOST ?? env.HOST,
    metricsToken: env.METRICS_TOKEN,
    adminRateLimit: env.ADMIN_RATE_LIMIT,
    adminRateWindowSeconds: env.ADMIN_RATE_WINDOW_SECONDS,
    corsOrigins: env.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    logLevel: env.LOG_LEVEL,
    logFile: env.LOG_FILE,
  };
});

export const databaseConfig = registerAs('database', () => {
  const env = validatedEnvironment();
  return {
    url: env.DATABASE_URL,
    migrationsRun: env.DB_MIGRATIONS_RUN,
    poolSize: env.DB_POOL_SIZE,
  };
});

export const redisConfig = registerAs('redis', () => {
  const env = validatedEnvironment();
  return { url: env.REDIS_URL, clusterNodes: env.REDIS_CLUSTER_NODES };
});

export const wechatConfig = registerAs('wechat', () => {
  const env = validatedEnvironment();
  return {
    appId: env.WECHAT_APP_ID,
    appSecret: env.WECHAT_APP_SECRET,
    token: env.WECHAT_TOKEN,
    encodingAesKey: env.WECHAT_ENCODING_AES_KEY,
    apiBaseUrl: env.WECHAT_API_BASE_URL.replace(/\/+$/, ''),
    timestampToleranceSeconds: env.WECHAT_TIMESTAMP_TOLERANCE_SECONDS,
    bodyLimitBytes: env.WECHAT_BODY_LIMIT_BYTES,
    acceptPlainMessages: env.WECHAT_ACCEPT_PLAIN_MESSAGES,
    slowRequestMs: env.WECHAT_SLOW_REQUEST_MS,
    replyDeadlineMs: env.WECHAT_REPLY_DEADLINE_MS,
    tokenMode: env.WECHAT_TOKEN_MODE,
    apiTimeoutMs: env.WECHAT_API_TIMEOUT_MS,
    ipAllowlist: env.WECHAT_IP_ALLOWLIST.trim(),
    oauthSessionTtlSeconds: env.OAUTH_SESSION_TTL_SECONDS,
    oauthCookieSecure:
      env.OAUTH_COOKIE_SECURE ?? (env.NODE_ENV === 'production' ? 'true' : ('auto' as const)),
    // Domain-separated from JWT signing inside the session signer, so one secret can serve both.
    oauthSessionSecret: env.OAUTH_SESSION_SECRET ?? env.JWT_SECRET,
  };
});

export const authConfig = registerAs('auth', () => {
  const env = validatedEnvironment();
  return {
    jwtSecret: env.JWT_SECRET,
    jwtExpiresInSeconds: env.JWT_EXPIRES_IN_SECONDS,
    bootstrapUsername: env.ADMIN_BOOTSTRAP_USERNAME,
    bootstrapPassword: env.ADMIN_BOOTSTRAP_PASSWORD,
    loginMaxFailuresPerUsername: env.LOGIN_MAX_FAILURES_PER_USERNAME,
    loginMaxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
    loginThrottleWindowSeconds: env.LOGIN_THROTTLE_WINDOW_SECONDS,
  };
});

export const couponConfig = registerAs('coupon', () => {
  const env = validatedEnvironment();
  return {
    redemptionUndoWindowMinutes: env.REDEMPTION_UNDO_WINDOW_MINUTES,
    expiryIntervalSeconds: env.COUPON_EXPIRY_INTERVAL_SECONDS,
    expiryBatchSize: env.COUPON_EXPIRY_BATCH_SIZE,
    stockReconcileIntervalSeconds: env.STOCK_RECONCILE_INTERVAL_SECONDS,
    stockReconcileGraceSeconds: env.STOCK_RECONCILE_GRACE_SECONDS,
    myCouponsKeyword: env.MY_COUPONS_KEYWORD.trim(),
    /** Per follower and campaign, checked inside the claim script (no extra round trip). */
    claimRateLimit: env.WX_CLAIM_RATE_LIMIT,
    claimRateWindowSeconds: env.WX_CLAIM_RATE_WINDOW_SECONDS,
  };
});

export const auditConfig = registerAs('audit', () => {
  const env = validatedEnvironment();
  return {
    mongodbUri: env.MONGODB_URI,
    enabled: env.AUDIT_ENABLED,
    consumerEnabled: env.AUDIT_CONSUMER_ENABLED,
    retentionDays: env.AUDIT_RETENTION_DAYS,
    streamMaxLen: env.AUDIT_STREAM_MAXLEN,
    batchSize: env.AUDIT_BATCH_SIZE,
    reclaimIdleMs: env.AUDIT_RECLAIM_IDLE_MS,
  };
});

export const securityConfig = registerAs('security', () => {
  const env = validatedEnvironment();
  return {
    piiEncryptionKey: env.PII_ENCRYPTION_KEY,
    piiEncryptionKeyId: env.PII_ENCRYPTION_KEY_ID,
  };
});

export type AppConfig = ReturnType<typeof appConfig>;
export type DatabaseConfig = ReturnType<typeof databaseConfig>;
export type RedisConfig = ReturnType<typeof redisConfig>;
export type WechatConfig = ReturnType<typeof wechatConfig>;
export type AuthConfig = ReturnType<typeof authConfig>;
export type CouponConfig = ReturnType<typeof couponConfig>;
export type AuditConfig = ReturnType<typeof auditConfig>;
export type SecurityConfig = ReturnType<typeof securityConfig>;

export const allConfigs = [
  appConfig,
  databaseConfig,
  redisConfig,
  wechatConfig,
  authConfig,
  couponConfig,
  auditConfig,
  securityConfig,
];
