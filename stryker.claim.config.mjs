// Mutation testing of the claim path's I/O (issue #16 item 2): `npm run test:mutation:claim`.
// Not part of `npm test`. The gate scripts' callers (claim.service, template-state, issuance-scripts),
// coupon-writer and the stock reconciler only do their job
// against real MariaDB and Redis, so each mutant runs the e2e specs that cover it
// (jest.stryker-claim.config.js; coverageAnalysis perTest), one database per worker.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  jest: { ...base.jest, configFile: 'jest.stryker-claim.config.js' },
  mutate: [
    'libs/coupon/src/issuance/claim.service.ts',
    'libs/coupon/src/issuance/coupon-writer.ts',
    'libs/coupon/src/issuance/stock-reconciler.ts',
    'libs/coupon/src/issuance/template-state.service.ts',
    'libs/coupon/src/issuance/issuance-scripts.ts',
  ],
  timeoutMS: 60000,
  incrementalFile: 'reports/mutation-claim/stryker-incremental.json',
  htmlReporter: { fileName: 'reports/mutation-claim/index.html' },
  jsonReporter: { fileName: 'reports/mutation-claim/mutation.json' },
};
