/**
 * NODE_ENV=production refuses the published example values TEST_ENV borrows from WeChat's docs
 * (app id, token, EncodingAESKey) and .env.example's bootstrap password: a production-mode test
 * app gets its own instead.
 */
export const PRODUCTION_ENV: Record<string, string> = {
  NODE_ENV: 'production',
  WECHAT_APP_ID: 'wx1a2b3c4d5e6f7a8b',
  WECHAT_TOKEN: 'Tk83hQz1',
  WECHAT_ENCODING_AES_KEY: 'abcDEF0123456789ghiJKLmnoPQRstuVWXyz0123456',
  // TEST_ENV's bootstrap password is .env.example's (so Swagger's login example runs unedited),
  // which production refuses too.
  ADMIN_BOOTSTRAP_PASSWORD: 'prod-mode-test-admin-password-7',
};
