import { validateEnvironment } from '@app/core';
// Each lib declares its own settings; the app holds them all (as at boot).
import './app.module';

const valid = {
  DATABASE_URL: 'mysql://root@127.0.0.1:3306/wxcoupon',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  WECHAT_APP_ID: 'wx5823bf96d3bd56c7',
  WECHAT_APP_SECRET: 'secret-secret',
  WECHAT_TOKEN: 'QDG6eK',
  WECHAT_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  JWT_SECRET: 'x'.repeat(32),
  ADMIN_BOOTSTRAP_USERNAME: 'admin',
  ADMIN_BOOTSTRAP_PASSWORD: 'long-enough-password',
  PII_ENCRYPTION_KEY: 'ab'.repeat(32),
};

describe('validateEnvironment', () => {
  it('returns typed values with defaults for a valid environment', () => {
    const env = validateEnvironment({ ...valid, PORT: '8080', DB_MIGRATIONS_RUN: 'false' });
    expect(env.PORT).toBe(8080);
    expect(env.DB_MIGRATIONS_RUN).toBe(false);
    expect(env.WECHAT_API_BASE_URL).toBe('https://api.weixin.qq.com');
    expect(env.WECHAT_REPLY_DEADLINE_MS).toBe(3000);
    expect(env.MONGODB_URI).toBeUndefined();
    expect(env.STOCK_RECONCILE_GRACE_SECONDS).toBe(30);
    expect(validateEnvironment({ ...valid, STOCK_RECONCILE_GRACE_SECONDS: '90' })).toMatchObject({
      STOCK_RECONCILE_GRACE_SECONDS: 90,
    });
  });

  it('treats an empty optional setting as unset (plain mode without EncodingAESKey)', () => {
    const env = validateEnvironment({ ...valid, WECHAT_ENCODING_AES_KEY: '', MONGODB_URI: '' });
    expect(env.WECHAT_ENCODING_AES_KEY).toBeUndefined();
    expect(env.MONGODB_URI).toBeUndefined();
  });

  it.each([
    ['DATABASE_URL', undefined],
    ['DATABASE_URL', 'postgres://x'],
    ['REDIS_URL', undefined],
    ['WECHAT_APP_ID', 'not-an-appid'],
    ['WECHAT_TOKEN', undefined],
    ['WECHAT_ENCODING_AES_KEY', 'too-short'],
    ['JWT_SECRET', 'short'],
    ['ADMIN_BOOTSTRAP_PASSWORD', undefined],
    ['PII_ENCRYPTION_KEY', 'nope'],
    ['PORT', 'eighty'],
    ['MONGODB_URI', 'http://mongo'],
    ['STOCK_RECONCILE_GRACE_SECONDS', '2'],
    ['STOCK_RECONCILE_GRACE_SECONDS', 'soon'],
  ])('refuses to boot when %s is %p, naming it', (key, value) => {
    const env: Record<string, unknown> = { ...valid, [key]: value };
    if (value === undefined) delete env[key];
    expect(() => validateEnvironment(env)).toThrow(new RegExp(`- ${key}:`));
  });

  it('names every bad setting at once', () => {
    const { JWT_SECRET: _j, REDIS_URL: _r, ...rest } = valid;
    expect(() => validateEnvironment(rest)).toThrow(
      /JWT_SECRET[\s\S]*REDIS_URL|REDIS_URL[\s\S]*JWT_SECRET/,
    );
  });
});
