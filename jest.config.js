/** Three projects: pure/pane code, the server (on PGlite and PostgreSQL), and the browser end-to-end test. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }];
const common = { transform: { '^.+\\.tsx?$': tsJest }, testEnvironment: 'node' };

module.exports = {
  // Two workers even on two cores (jest's default is cores − 1): the tests mostly wait on their PGlite child, Chromium or
  // PostgreSQL, so a second worker halves the wall time (measured: 1,275 s with one worker).
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/src/taskpane/testing-library-setup.ts'],
      // The engine tests start the real server: on PGlite, from the run's migrated template.
      globalSetup: '<rootDir>/server/test-support/pglite-template-setup.ts',
      globalTeardown: '<rootDir>/server/test-support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'server',
      roots: ['<rootDir>/server', '<rootDir>/test'],
      testMatch: ['<rootDir>/server/**/*.test.ts', '<rootDir>/test/*.test.ts'],
      globalSetup: '<rootDir>/server/test-support/global-setup.ts',
      globalTeardown: '<rootDir>/server/test-support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.test.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/server/test-support/global-teardown.ts',
    },
  ],
};
