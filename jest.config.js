// Unit tests (pure functions, next to the code) and integration/e2e tests (real PostgreSQL, under test/).
const base = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  // 151002: ts-jest's note about nodenext module kind; our tests type-check fine with it.
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }],
    // `thumbhash` is published as an ES module only: Node (>= 20.19) require()s it natively, jest's
    // CommonJS runtime cannot, so it is compiled to CommonJS for the tests.
    '/node_modules/thumbhash/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true }, diagnostics: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!thumbhash/)'],
  // The generated Prisma client imports its siblings with .js suffixes.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  // A root option (ignored inside projects): e2e hooks boot an app on a fresh database.
  testTimeout: 60000,
  // Jest runs the ~100 files in one process on 2 cores and its module registries add up (the suite
  // passed 4 GB near its end): package.json gives that process 8 GB, and a worker, when used, is
  // recycled past 1.5 GB.
  workerIdleMemoryLimit: '1.5GB',
  projects: [
    { ...base, displayName: 'unit', rootDir: 'src', testRegex: '.*\\.spec\\.ts$' },
    {
      ...base,
      displayName: 'integration',
      rootDir: '.',
      roots: ['<rootDir>/test'],
      testRegex: '.*\\.(int|e2e)-spec\\.ts$',
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
