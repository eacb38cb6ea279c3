/**
 * Values that ship in this repository (`.env.example`, the `${VAR:-default}`s of
 * `docker/docker-compose.yml`) and so are known to everyone. A production instance that boots with
 * one of them can be taken over: a forged ADMIN JWT, a forged `/wx` signature, readable PII. They
 * are refused when NODE_ENV=production; development and tests keep working out of the box.
 * `production-secrets.spec.ts` re-reads both files, so this list cannot silently fall behind them.
 */
export const PUBLISHED_VALUES: Readonly<Record<string, readonly string[]>> = {
  WECHAT_APP_ID: ['wx5823bf96d3bd56c7', 'wxchangeme000000'],
  WECHAT_APP_SECRET: ['replace-with-your-app-secret', 'change-me-app-secret'],
  WECHAT_TOKEN: ['QDG6eK', 'changemetoken'],
  WECHAT_ENCODING_AES_KEY: ['jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C'],
  JWT_SECRET: [
    'replace-with-a-long-random-secret-at-least-32-chars',
    'change-me-jwt-secret-at-least-32-chars',
  ],
  OAUTH_SESSION_SECRET: [],
  FISSION_TOKEN_SECRET: [],
  ADMIN_BOOTSTRAP_PASSWORD: ['change-me-please-123', 'change-me-admin-password'],
  PII_ENCRYPTION_KEY: ['0000000000000000000000000000000000000000000000000000000000000000'],
};

/** Database passwords from the compose file (MYSQL_PASSWORD, MYSQL_ROOT_PASSWORD defaults). */
export const PUBLISHED_DATABASE_PASSWORDS: readonly string[] = ['wxpass', 'change-me-mysql-root'];

/** Words only a placeholder contains ("change-me-…", "replace-with-…"). */
const PLACEHOLDER_WORDS = /change-?me|replace-with/i;

/** Settings whose value is a secret key: one repeated byte/character is no key at all. */
const KEYS = [
  'WECHAT_APP_SECRET',
  'WECHAT_TOKEN',
  'JWT_SECRET',
  'OAUTH_SESSION_SECRET',
  'FISSION_TOKEN_SECRET',
] as const;

/** The bytes of a key given as 64 hex chars, base64, or WeChat's 43-char EncodingAESKey. */
function keyBytes(raw: string): Buffer {
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex');
  return Buffer.from(raw.length === 43 ? `${raw}=` : raw, 'base64');
}

const oneRepeated = <T>(items: ArrayLike<T>): boolean =>
  items.length > 0 && Array.prototype.every.call(items, (x: T) => x === items[0]);

function databasePassword(url: string): string | undefined {
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Problems that stop a production boot, one line per setting, each naming it. Called only when
 * NODE_ENV=production, after the shape of every setting has been validated.
 */
export function productionSecretProblems(env: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const value = (key: string): string | undefined => {
    const v = env[key];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  for (const [key, published] of Object.entries(PUBLISHED_VALUES)) {
    const v = value(key);
    if (v === undefined) continue;
    if (published.includes(v) || PLACEHOLDER_WORDS.test(v)) {
      problems.push(`${key}: is the published example value; set your own in production`);
    }
  }
  for (const key of KEYS) {
    const v = value(key);
    if (v !== undefined && oneRepeated(v)) {
      problems.push(`${key}: is one repeated character; use a random secret in production`);
    }
  }
  for (const key of ['PII_ENCRYPTION_KEY', 'WECHAT_ENCODING_AES_KEY']) {
    const v = value(key);
    if (v !== undefined && oneRepeated(keyBytes(v))) {
      problems.push(`${key}: is one repeated byte; generate a random key in production`);
    }
  }
  const dbPassword = databasePassword(value('DATABASE_URL') ?? '');
  if (
    dbPassword !== undefined &&
    (PUBLISHED_DATABASE_PASSWORDS.includes(dbPassword) || PLACEHOLDER_WORDS.test(dbPassword))
  ) {
    problems.push('DATABASE_URL: uses the published example password; set your own in production');
  }
  return problems;
}
