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
const moduleNameMapper = { '^@app/([a-z0-9-]+)$': '<rootDir>/libs/$1/src' };
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
  // Some suites leave a library handle open after close() (a known "did not exit" warning); a
  // finished run must never hang CI for that.
  forceExit: true,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,apps,test}/**/*.spec.ts'],
      // No settings: nothing connects in a unit spec, and importing @app/core validates nothing.
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      setupFiles: ['<rootDir>/test/setup/env.ts'],
    },
  ],
};
