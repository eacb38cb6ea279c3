import { registerAs } from '@nestjs/config';
import { validateEnvironment } from './env.validation';

/** Each feature reads only its own namespace: `@Inject(wechatConfig.KEY) cfg: WechatConfig`. */
export const appConfig = registerAs('app', () => {
  const env = validateEnvironment(process.env);
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    swaggerEnabled: env.SWAGGER_ENABLED,
    logLevel: env.LOG_LEVEL,
  };
});

export const databaseConfig = registerAs('database', () => {
  const env = validateEnvironment(process.env);
  return {
    url: env.DATABASE_URL,
    migrationsRun: env.DB_MIGRATIONS_RUN,
    poolSize: env.DB_POOL_SIZE,
  };
});

export const redisConfig = registerAs('redis', () => {
  const env = validateEnvironment(process.env);
  return { url: env.REDIS_URL };
});

export const wechatConfig = registerAs('wechat', () => {
  const env = validateEnvironment(process.env);
  return {
    appId: env.WECHAT_APP_ID,
    appSecret: env.WECHAT_APP_SECRET,
    token: env.WECHAT_TOKEN,
    encodingAesKey: env.WECHAT_ENCODING_AES_KEY,
    apiBaseUrl: env.WECHAT_API_BASE_URL.replace(/\/+$/, ''),
    timestampToleranceSeconds: env.WECHAT_TIMESTAMP_TOLERANCE_SECONDS,
    bodyLimitBytes: env.WECHAT_BODY_LIMIT_BYTES,
    replyDeadlineMs: env.WECHAT_REPLY_DEADLINE_MS,
  };
});

export const authConfig = registerAs('auth', () => {
  const env = validateEnvironment(process.env);
  return {
    jwtSecret: env.JWT_SECRET,
    jwtExpiresInSeconds: env.JWT_EXPIRES_IN_SECONDS,
    bootstrapUsername: env.ADMIN_BOOTSTRAP_USERNAME,
    bootstrapPassword: env.ADMIN_BOOTSTRAP_PASSWORD,
  };
});

export const auditConfig = registerAs('audit', () => {
  const env = validateEnvironment(process.env);
  return { mongodbUri: env.MONGODB_URI };
});

export const securityConfig = registerAs('security', () => {
  const env = validateEnvironment(process.env);
  return { piiEncryptionKey: env.PII_ENCRYPTION_KEY };
});

export type AppConfig = ReturnType<typeof appConfig>;
export type DatabaseConfig = ReturnType<typeof databaseConfig>;
export type RedisConfig = ReturnType<typeof redisConfig>;
export type WechatConfig = ReturnType<typeof wechatConfig>;
export type AuthConfig = ReturnType<typeof authConfig>;
export type AuditConfig = ReturnType<typeof auditConfig>;
export type SecurityConfig = ReturnType<typeof securityConfig>;

export const allConfigs = [
  appConfig,
  databaseConfig,
  redisConfig,
  wechatConfig,
  authConfig,
  auditConfig,
  securityConfig,
];
