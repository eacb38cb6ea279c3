import { plainToInstance, Transform } from 'class-transformer';
import {
  getMetadataStorage,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateIf,
} from 'class-validator';
import { productionSecretProblems } from './production-secrets';

export const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
export const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
export const emptyToUndefined = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : value;
const optionalInt = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : toInt({ value });
const optionalBool = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : toBool({ value });

/**
 * Core's settings: the process, HTTP, MySQL, Redis, PII key, metrics, logs. Each lib declares its
 * own (e.g. coupon.settings.ts); all are validated together, and boot fails with a message naming
 * each bad or missing key, so a misconfigured instance never starts half-working.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @IsNotEmpty()
  HOST = '0.0.0.0';

  /**
   * Behind Nginx/a load balancer: take the client IP from X-Forwarded-For. `true` trusts every hop
   * (only safe when nothing can reach us directly), a number trusts that many hops, and a
   * comma-separated list of proxy IPs/CIDRs trusts only those proxies (recommended).
   */
  @Matches(
    /^(true|false|\d{1,2}|[0-9A-Fa-f:.]+(\/\d{1,3})?(\s*,\s*[0-9A-Fa-f:.]+(\/\d{1,3})?)*)$/,
    {
      message:
        'TRUST_PROXY must be true, false, a hop count or a comma-separated list of IPs/CIDRs',
    },
  )
  TRUST_PROXY = 'false';

  /** Worker processes sharing the port (node:cluster); 1 = no cluster. Read by main.ts. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WEB_CONCURRENCY = 1;

  /** Origins allowed to call the admin API from a browser (comma-separated); empty = none. */
  @IsOptional()
  @Matches(/^(https?:\/\/[^,\s]+)(,\s*https?:\/\/[^,\s]+)*$|^$/, {
    message: 'CORS_ORIGINS must be comma-separated http(s) origins',
  })
  CORS_ORIGINS = '';

  @Matches(/^mysql:\/\/.+/, {
    message: 'DATABASE_URL must look like mysql://user:pass@host:3306/db',
  })
  DATABASE_URL: string;

  @Transform(toBool)
  @IsBoolean()
  DB_MIGRATIONS_RUN = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DB_POOL_SIZE = 20;

  /** Standalone Redis; not needed (and ignored) when REDIS_CLUSTER_NODES is set. */
  @ValidateIf((o: EnvironmentVariables) => o.REDIS_CLUSTER_NODES === undefined)
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must look like redis://host:6379/0' })
  REDIS_URL: string;

  /** Redis Cluster seed nodes, "host:port,host:port,...". When set it wins over REDIS_URL. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\s*[^\s:,]+:\d{1,5}\s*(,\s*[^\s:,]+:\d{1,5}\s*)*$/, {
    message:
      'REDIS_CLUSTER_NODES must be comma-separated host:port pairs, e.g. 10.0.0.1:6379,10.0.0.2:6379',
  })
  REDIS_CLUSTER_NODES?: string;

  @Matches(/^[A-Za-z0-9+/]{43}=$|^[0-9a-fA-F]{64}$/, {
    message: 'PII_ENCRYPTION_KEY must be 32 bytes as base64 (44 chars) or hex (64 chars)',
  })
  PII_ENCRYPTION_KEY: string;

  /** Key id stamped on values encrypted with PII_ENCRYPTION_KEY (lets a second key be added later). */
  @Matches(/^[A-Za-z0-9_-]{1,16}$/, {
    message: 'PII_ENCRYPTION_KEY_ID must be 1-16 of [A-Za-z0-9_-]',
  })
  PII_ENCRYPTION_KEY_ID = 'k1';

  /** Swagger UI (/docs, /docs-json); unset = on, except in production. */
  @Transform(optionalBool)
  @IsOptional()
  @IsBoolean()
  SWAGGER_ENABLED?: boolean;

  /** Serve /metrics on this separate (internal) port only; unset = on the app port. 0 = ephemeral. */
  @Transform(optionalInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

  /** Interface of the METRICS_PORT listener (e.g. a private address); unset = HOST. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  METRICS_HOST?: string;

  /** When set, /metrics needs `Authorization: Bearer <METRICS_TOKEN>` (Prometheus `authorization`). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Write JSON logs to this file instead of stdout (rotate it with logrotate copytruncate). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LOG_FILE?: string;
}

/** The settings classes libs declared (defineSettings), validated along with core's. */
const declared = new Set<new () => object>();

export function declareSettings(schema: new () => object): void {
  declared.add(schema);
}

export function declaredSettings(): readonly (new () => object)[] {
  return [...declared];
}

function declaredKeys(schema: new () => object): string[] {
  const rules = getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false);
  return [...new Set(rules.map((r) => r.propertyName))];
}

/**
 * Core's settings and every declared lib's, validated together: typed, defaulted values (one
 * object holding them all) or an error naming every bad key.
 */
export function validateEnvironment(
  raw: Record<string, unknown>,
): EnvironmentVariables & Readonly<Record<string, unknown>> {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  for (const schema of declared) {
    const own = plainToInstance(schema, raw, { exposeDefaultValues: true }) as Record<
      string,
      unknown
    >;
    errors.push(...validateSync(own, { skipMissingProperties: false, whitelist: false }));
    // Only the settings the class declares (the instance also holds every raw variable).
    for (const key of declaredKeys(schema))
      (env as unknown as Record<string, unknown>)[key] = own[key];
  }
  const lines = errors.map((e) => {
    const detail = Object.values(e.constraints ?? {}).join('; ');
    return `  - ${e.property}: ${detail || 'invalid'}`;
  });
  // Published example values are fine to develop with, never to run in production.
  if (env.NODE_ENV === 'production') {
    lines.push(...productionSecretProblems(raw).map((p) => `  - ${p}`));
  }
  if (lines.length > 0) throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  // Core's settings typed; a lib reads its own through its settings class (defineSettings).
  return env as EnvironmentVariables & Readonly<Record<string, unknown>>;
}
