import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateEnvironment } from './env.validation';
import { PUBLISHED_DATABASE_PASSWORDS, PUBLISHED_VALUES } from './production-secrets';

const root = join(__dirname, '../../../..');

/** KEY=VALUE lines of .env.example. */
function envExample(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(join(root, '.env.example'), 'utf8').split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** Every `${VAR:-default}` of docker/docker-compose.yml. */
function composeDefaults(): [string, string][] {
  const text = readFileSync(join(root, 'docker/docker-compose.yml'), 'utf8');
  return [...text.matchAll(/\$\{([A-Z0-9_]+):-([^}]*)\}/g)].map((m) => [m[1], m[2]]);
}

/** A production environment made of real-looking secrets (none published anywhere). */
const own = {
  NODE_ENV: 'production',
  DATABASE_URL: 'mysql://wx:Qm7vT2xRk9@db:3306/wxcoupon',
  REDIS_URL: 'redis://redis:6379/0',
  WECHAT_APP_ID: 'wx1a2b3c4d5e6f7a8b',
  WECHAT_APP_SECRET: '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
  WECHAT_TOKEN: 'Tk83hQz1',
  WECHAT_ENCODING_AES_KEY: 'abcDEF0123456789ghiJKLmnoPQRstuVWXyz0123456',
  JWT_SECRET: 'nN4vK8pQ2wE6rT0yU3iO7pA1sD5fG9hJ-kL2zX6cV0b',
  ADMIN_BOOTSTRAP_USERNAME: 'admin',
  ADMIN_BOOTSTRAP_PASSWORD: 'Lq9!vRt4-Wz8xPb2',
  PII_ENCRYPTION_KEY: '3f1c9a7e5b2d8046a1c3e5f7092b4d6f8a0c2e4f6b8d0a2c4e6f8a0b2c4d6e8f',
};

describe('production refuses published secrets (issue #10, item 2)', () => {
  it('boots with its own secrets', () => {
    expect(validateEnvironment(own).NODE_ENV).toBe('production');
  });

  it('development and test still boot with .env.example as shipped', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(() => validateEnvironment({ ...envExample(), NODE_ENV })).not.toThrow();
    }
  });

  it('production with .env.example as shipped names every published setting', () => {
    let message = '';
    try {
      validateEnvironment({ ...envExample(), NODE_ENV: 'production' });
    } catch (err) {
      message = (err as Error).message;
    }
    for (const key of [
      'WECHAT_APP_ID',
      'WECHAT_APP_SECRET',
      'WECHAT_TOKEN',
      'WECHAT_ENCODING_AES_KEY',
      'JWT_SECRET',
      'ADMIN_BOOTSTRAP_PASSWORD',
      'PII_ENCRYPTION_KEY',
    ]) {
      expect(message).toContain(`- ${key}:`);
    }
  });

  it('every secret in .env.example and every compose default is on the refused list', () => {
    const example = envExample();
    for (const key of Object.keys(PUBLISHED_VALUES)) {
      if (example[key]) expect(PUBLISHED_VALUES[key]).toContain(example[key]);
    }
    const defaults = composeDefaults();
    expect(defaults.length).toBeGreaterThan(5);
    for (const [key, value] of defaults) {
      if (key in PUBLISHED_VALUES && value !== '') expect(PUBLISHED_VALUES[key]).toContain(value);
      if (key === 'MYSQL_PASSWORD' || key === 'MYSQL_ROOT_PASSWORD') {
        expect(PUBLISHED_DATABASE_PASSWORDS).toContain(value);
      }
    }
  });

  it.each(Object.entries(PUBLISHED_VALUES).flatMap(([key, values]) => values.map((v) => [key, v])))(
    'refuses %s = %p in production, naming it',
    (key, value) => {
      expect(() => validateEnvironment({ ...own, [key]: value })).toThrow(
        new RegExp(`- ${key}: is the published example value`),
      );
      expect(() => validateEnvironment({ ...own, [key]: value, NODE_ENV: 'test' })).not.toThrow();
    },
  );

  it.each([
    ['PII_ENCRYPTION_KEY', 'ab'.repeat(32)],
    ['PII_ENCRYPTION_KEY', Buffer.alloc(32, 7).toString('base64')],
    ['WECHAT_ENCODING_AES_KEY', 'A'.repeat(43)],
    ['JWT_SECRET', 'x'.repeat(40)],
    ['OAUTH_SESSION_SECRET', 's'.repeat(32)],
    ['WECHAT_TOKEN', 'aaaaaaaa'],
  ])('refuses a one-repeated-byte %s (%p) in production', (key, value) => {
    expect(() => validateEnvironment({ ...own, [key]: value })).toThrow(
      new RegExp(`- ${key}: is one repeated`),
    );
  });

  it.each([
    ['JWT_SECRET', 'please-change-me-before-going-live-0123'],
    ['DATABASE_URL', 'mysql://wx:wxpass@mysql:3306/wxcoupon'],
    ['DATABASE_URL', 'mysql://root:change-me-mysql-root@mysql:3306/wxcoupon'],
  ])('refuses a placeholder %s (%p) in production', (key, value) => {
    expect(() => validateEnvironment({ ...own, [key]: value })).toThrow(new RegExp(`- ${key}:`));
  });
});
