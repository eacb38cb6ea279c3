import { plainToInstance, Transform } from 'class-transformer';
import {
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
} from 'class-validator';

const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : value;

/**
 * Every setting the service reads. Boot fails with a message naming each bad or missing key,
 * so a misconfigured instance never starts half-working.
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

  /** Behind Nginx/a load balancer: take the client IP from X-Forwarded-For. */
  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

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

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must look like redis://host:6379/0' })
  REDIS_URL: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/.+/, { message: 'MONGODB_URI must be a mongodb:// URI' })
  MONGODB_URI?: string;

  @Matches(/^wx[0-9a-zA-Z]{6,32}$/, {
    message: 'WECHAT_APP_ID must be an appid such as wx1234567890abcdef',
  })
  WECHAT_APP_ID: string;

  @IsString()
  @MinLength(8, { message: 'WECHAT_APP_SECRET must be set (the AppSecret)' })
  WECHAT_APP_SECRET: string;

  @Matches(/^[A-Za-z0-9]{3,32}$/, { message: 'WECHAT_TOKEN must be 3-32 letters or digits' })
  WECHAT_TOKEN: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}$/, {
    message: 'WECHAT_ENCODING_AES_KEY must be 43 base64 characters',
  })
  WECHAT_ENCODING_AES_KEY?: string;

  @Matches(/^https?:\/\/[^/]+/, { message: 'WECHAT_API_BASE_URL must be an http(s) URL' })
  WECHAT_API_BASE_URL = 'https://api.weixin.qq.com';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  WECHAT_TIMESTAMP_TOLERANCE_SECONDS = 300;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1048576)
  WECHAT_BODY_LIMIT_BYTES = 65536;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(4500)
  WECHAT_REPLY_DEADLINE_MS = 3000;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_EXPIRES_IN_SECONDS = 3600;

  @Matches(/^[A-Za-z0-9_.-]{3,64}$/, {
    message: 'ADMIN_BOOTSTRAP_USERNAME must be 3-64 of [A-Za-z0-9_.-]',
  })
  ADMIN_BOOTSTRAP_USERNAME: string;

  @IsString()
  @MinLength(12, { message: 'ADMIN_BOOTSTRAP_PASSWORD must be at least 12 characters' })
  ADMIN_BOOTSTRAP_PASSWORD: string;

  @Matches(/^[A-Za-z0-9+/]{43}=$|^[0-9a-fA-F]{64}$/, {
    message: 'PII_ENCRYPTION_KEY must be 32 bytes as base64 (44 chars) or hex (64 chars)',
  })
  PII_ENCRYPTION_KEY: string;

  @Transform(toBool)
  @IsBoolean()
  SWAGGER_ENABLED = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

/** ConfigModule `validate` hook: returns typed, defaulted values or throws naming every bad key. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const detail = Object.values(e.constraints ?? {}).join('; ');
      return `  - ${e.property}: ${detail || 'invalid'}`;
    });
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}
