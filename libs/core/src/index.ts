// The public face of @app/core: infrastructure other libs and the app build on. Named exports
// only; anything not listed here is internal to core.
export { Public, IS_PUBLIC_KEY } from './auth/public.decorator';
export { AuditRecorder } from './audit/audit-recorder';
export type { AuditEventInput, AuditKind } from './audit/audit-recorder';
export { AUDIT_KINDS } from './audit/audit-recorder';
export type { AppConfig } from './config/configuration';
export { validateEnvironment } from './config/env.validation';
export {
  BoolSetting,
  defineSettings,
  IntSetting,
  OptionalSetting,
  TextSetting,
  validatedEnvironment,
} from './config/settings';
export { CoreModule } from './core.module';
export { PiiCipher, PiiDecryptionError } from './crypto/pii-cipher';
export { PiiCryptoModule } from './crypto/pii-crypto.module';
export { ensureDatabaseExists, parseDatabaseUrl } from './database/database-url';
export { duplicateKeyOf, isDeadlock } from './database/mysql-errors';
export { mysqlOptions } from './database/typeorm-options';
export { PageQuery, PageSize } from './dto/page.query';
export { ApiException, RateLimitedException, fieldError } from './errors/api-error';
export type { FieldError } from './errors/api-error';
export { DomainRefusal, REFUSAL_STATUS } from './errors/domain-refusal';
export type { RefusalKind } from './errors/domain-refusal';
export { AuditReadiness } from './health/audit-readiness';
export { DRAIN_TIMEOUT_MS, InFlightWork } from './lifecycle/in-flight-work';
export { LifecycleModule } from './lifecycle/lifecycle.module';
export { requestId } from './logging/logging.module';
export { MetricsService } from './metrics/metrics.service';
export { RedisLock } from './redis/redis-lock';
export type { HeldLock } from './redis/redis-lock';
export { REDIS_CLIENT } from './redis/redis.constants';
export type { RedisClient } from './redis/redis.constants';
export { PeriodicWork } from './scheduling/periodic-work';
export { chinaClock, chinaDay, formatChinaTime } from './time/china-time';
export { randomBytesPooled, randomNonce } from './crypto/random-pool';
export { slug, toApiErrorBody } from './errors/http-exception.filter';
export { AppLogger } from './logging/app-logger';
export { serveClusterMetrics } from './metrics/cluster-metrics';
export { IsIsoDateTime } from './dto/is-iso-date-time';
export { MetricsServer } from './metrics/metrics.server';
