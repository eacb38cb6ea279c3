/** Unit specs live next to the code (libs/**, apps/**); e2e specs in test/ talk to real MariaDB + Redis. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  },
];
const moduleNameMapper = { '^@app/([a-z-]+)(.*)$': '<rootDir>/libs/$1/src$2' };
// @fastify/static (Swagger UI) pulls in content-disposition, shipped as ESM only: transpile it.
const common = {
  transform: { '^.+\\.(ts|js)$': swc },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  // e2e apps boot against real MariaDB + Redis; on a busy 2-core box that can take seconds.
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      setupFiles: ['<rootDir>/test/setup/env.ts'],
    },
  ],
};
