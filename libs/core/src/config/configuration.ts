import { registerAs } from '@nestjs/config';
import { validatedEnvironment } from './settings';

/** Core's namespaces; each lib defines its own with defineSettings (e.g. couponConfig). */
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
export type SecurityConfig = ReturnType<typeof securityConfig>;

export const allConfigs = [appConfig, databaseConfig, redisConfig, securityConfig];
