/** The settings every e2e test runs with (real MariaDB + Redis on this machine). */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/wxcoupon_test',
  DB_MIGRATIONS_RUN: 'false',
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/9',
  WECHAT_APP_ID: 'wx5823bf96d3bd56c7',
  WECHAT_APP_SECRET: 'test-app-secret-0123456789',
  WECHAT_TOKEN: 'QDG6eK',
  WECHAT_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  // Many specs drive /wx in plain mode for readability; wechat-hardening.e2e-spec.ts proves the
  // production default (plain refused once a key is set).
  WECHAT_ACCEPT_PLAIN_MESSAGES: 'true',
  WECHAT_API_BASE_URL: 'http://127.0.0.1:1',
  JWT_SECRET: 'test-jwt-secret-test-jwt-secret-0123456789',
  ADMIN_BOOTSTRAP_USERNAME: 'admin',
  ADMIN_BOOTSTRAP_PASSWORD: 'change-me-please-123',
  PII_ENCRYPTION_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
  // Specs hammer one follower on purpose; test/follower-throttle*.e2e-spec.ts sets a real limit.
  WX_CLAIM_RATE_LIMIT: '1000',
  // The admin limit is per account: suites share the bootstrap ADMIN, and some hammer it on
  // purpose (property tests). Specs about the limit (admin-throttle, security-admin) set theirs.
  ADMIN_RATE_LIMIT: '100000',
  SWAGGER_ENABLED: 'true',
  LOG_LEVEL: 'error',
};
