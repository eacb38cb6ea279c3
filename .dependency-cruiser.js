/**
 * The module map, enforced (`npm run lint` runs `depcruise apps libs test`). Arrows point down
 * only: edges (admin, h5) -> growth -> coupon -> wechat, audit -> core. docs/architecture.md
 * explains the map; test/architecture/boundaries.spec.ts proves each rule catches a breach.
 */

/** Feature libraries: what a protocol, log or infrastructure library must never import. */
const FEATURES = 'coupon|growth|h5|admin';

/** Packages that describe HTTP shapes, resolved into node_modules or (in a fixture) unresolved. */
const HTTP_SHAPE_PACKAGES =
  '^(node_modules/)?(@nestjs/swagger|class-validator|class-transformer)($|/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-lib',
      comment: 'core is infrastructure: it imports none of our libs and not the app.',
      severity: 'error',
      from: { path: '^libs/core/' },
      to: { path: '^(libs/(?!core/)|apps/)' },
    },
    {
      name: 'audit-imports-no-feature',
      comment: 'the audit log knows no feature and no channel: it records through the core port.',
      severity: 'error',
      from: { path: '^libs/audit/' },
      to: { path: `^(libs/(${FEATURES}|wechat)/|apps/)` },
    },
    {
      name: 'wechat-imports-no-feature',
      comment:
        'wechat is the protocol: features register handlers with it, it imports no feature, admin or audit.',
      severity: 'error',
      from: { path: '^libs/wechat/' },
      to: { path: `^(libs/(${FEATURES}|audit)/|apps/)` },
    },
    {
      name: 'coupon-imports-no-edge',
      comment:
        'coupon is the domain: it imports neither the edges (admin, h5), nor audit (it records through the core port), nor growth (which builds on it).',
      severity: 'error',
      from: { path: '^libs/coupon/' },
      to: { path: '^(libs/(admin|audit|h5|growth)/|apps/)' },
    },
    {
      name: 'coupon-imports-no-http-shapes',
      comment:
        'coupon takes and returns plain records and raises domain refusals: request/response shapes (Swagger, class-validator, class-transformer) live with the edge that serves them.',
      severity: 'error',
      from: { path: '^libs/coupon/' },
      to: { path: HTTP_SHAPE_PACKAGES },
    },
    {
      name: 'lib-imports-no-app',
      comment: 'libraries never import the deployable that assembles them.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-deep-import',
      comment:
        'another lib is used through its public face, @app/<lib> (libs/<lib>/src/index.ts), never a file inside it.',
      severity: 'error',
      // test/mutation/core-slim.ts is Stryker's stand-in for @app/core: re-exports of core files.
      from: { path: '^(libs/[^/]+|apps|test)/', pathNot: '^test/mutation/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^$1/', '^libs/[^/]+/src/index[.]ts$'] },
    },
    {
      name: 'no-unresolvable-app-import',
      comment: '@app/<lib>/<path> deep aliases do not exist: import @app/<lib>.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^@app/' },
    },
    {
      name: 'no-circular',
      comment: 'a loop of imports is a tangle: break it.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules stays visible as leaves (doNotFollow) so a rule can name a package.
    exclude: { path: '^(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
