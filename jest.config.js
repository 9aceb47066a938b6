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
  // Two workers even on a 2-core machine: the files mostly wait on PostgreSQL and app start-up, and each
  // has its own database. Two at a time finished the suite in 11.5 min; one process took 27 min (same
  // machine and day, under more load from other work). A worker is recycled past 1.5 GB; package.json
  // gives the parent 8 GB for `--runInBand` runs.
  maxWorkers: 2,
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
