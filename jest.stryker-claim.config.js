/**
 * Jest config used by StrykerJS for the claim path only (npm run test:mutation:claim): the e2e
 * specs that drive claim.service, coupon-writer and the stock reconciler against real MariaDB and
 * Redis. Each Stryker worker gets its own database and Redis db, so two workers never share state.
 */
const e2e = require('./jest.config.js').projects[1];

// MUTATION_WORKER_OFFSET lets a second run (another file) use databases of its own meanwhile.
const worker =
  Number(process.env.STRYKER_MUTATOR_WORKER ?? 0) + Number(process.env.MUTATION_WORKER_OFFSET ?? 0);
process.env.TEST_DATABASE_URL = `mysql://root@127.0.0.1:3306/wxcoupon_mutant_${worker}`;
process.env.TEST_REDIS_URL = `redis://127.0.0.1:6379/${6 + worker}`;

module.exports = {
  ...e2e,
  rootDir: __dirname,
  displayName: undefined,
  testTimeout: 30_000,
  testMatch: [
    '<rootDir>/test/claim-service.e2e-spec.ts',
    '<rootDir>/test/coupon-writer.e2e-spec.ts',
    '<rootDir>/test/redis-lies.e2e-spec.ts',
    '<rootDir>/test/stock-reconcile.e2e-spec.ts',
    '<rootDir>/test/lua-gate.e2e-spec.ts',
    '<rootDir>/test/wechat-claim.e2e-spec.ts',
    '<rootDir>/test/faults-mysql.e2e-spec.ts',
    '<rootDir>/test/route-cache.e2e-spec.ts',
    '<rootDir>/test/template-edit.e2e-spec.ts',
  ],
};
