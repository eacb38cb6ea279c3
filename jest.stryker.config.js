/**
 * Jest config used by StrykerJS only (npm run test:mutation): a flat project of the specs that
 * cover the mutated files, so each mutant runs against them alone. See stryker.config.mjs.
 */
const base = require('./jest.config.js').projects[0];

module.exports = {
  ...base,
  rootDir: __dirname,
  displayName: undefined,
  // The mutated files need three names from @app/core: load just those (see core-slim.ts).
  moduleNameMapper: {
    '^@app/core$': '<rootDir>/test/mutation/core-slim.ts',
    ...base.moduleNameMapper,
  },
  testMatch: [
    '<rootDir>/libs/coupon/src/redemption/usage-rules.spec.ts',
    '<rootDir>/libs/coupon/src/redemption/usage-rules.cases.spec.ts',
    '<rootDir>/libs/coupon/src/issuance/*.spec.ts',
    '<rootDir>/libs/wechat/src/crypto/*.spec.ts',
    '<rootDir>/libs/wechat/src/xml/*.spec.ts',
    '<rootDir>/libs/wechat/src/callback/*.spec.ts',
    '<rootDir>/libs/admin/src/auth/*.spec.ts',
  ],
};
