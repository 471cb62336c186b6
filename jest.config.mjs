// One jest run for the whole repository: pure libs, the API's unit and integration tests, browser tests.
// The API is ESM (NestJS 12), so every project runs under --experimental-vm-modules with SWC.
import { SWC_OPTIONS } from './tools/lib/swc-options.mjs';
const swc = ['@swc/jest', SWC_OPTIONS];

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@duban/(plan-parser|domain)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  rootDir: '.',
};

// Each test file compiles the modules it loads again (jest gives every file fresh copies): this runtime
// hands V8 its code cache of them instead (tools/lib/jest-code-cache-runtime.cjs). JEST_CODE_CACHE=off
// runs jest's own, to compare. Not yet for the browser tests, which have not been run with it.
const cached =
  process.env.JEST_CODE_CACHE === 'off' ? {} : { runtime: '<rootDir>/tools/lib/jest-code-cache-runtime.cjs' };

// Every PostgreSQL the tests start (the run's shared one, a fault test's own, each browser suite's app)
// is thrown away afterwards: none waits for the disk. See embeddedSettings in embedded-postgres.ts.
process.env.EMBEDDED_PG_SETTINGS ??= 'fsync=off full_page_writes=off';

export default {
  // Integration and browser tests boot real servers; pure tests finish far below this anyway.
  testTimeout: 120000,
  // Two workers even on two cores (jest's default there is one, in band): much of an integration or
  // browser file is spent waiting on PostgreSQL, Chromium or a child process, and every file has its
  // own database, servers and ports. A worker whose heap has grown past the limit after a file is
  // replaced, so the run's memory stays flat (each file loads the Nest app afresh).
  maxWorkers: Number(process.env.JEST_WORKERS ?? 2),
  // The slowest files first, from a committed hint when jest has no timings of its own (a fresh clone).
  testSequencer: '<rootDir>/tools/test-sequencer.mjs',
  workerIdleMemoryLimit: '1536MB',
  projects: [
    { ...common, ...cached, displayName: 'libs', testMatch: ['<rootDir>/libs/*/src/**/*.spec.ts'] },
    {
      ...common,
      ...cached,
      displayName: 'api',
      testMatch: ['<rootDir>/apps/{api,cli}/src/**/*.spec.ts', '<rootDir>/tools/**/*.spec.ts'],
    },
    {
      ...common,
      ...cached,
      displayName: 'integration',
      testMatch: ['<rootDir>/apps/{api,cli}/src/**/*.integration-spec.ts', '<rootDir>/tools/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/apps/api/test/global-setup.mjs',
      globalTeardown: '<rootDir>/apps/api/test/global-teardown.mjs',
      // Records each file's CPU when DUBAN_FILE_CPU_DIR is set (tools/test.mjs prints the sums).
      testEnvironment: '<rootDir>/apps/api/test/cpu-environment.mjs',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/apps/web/e2e/**/*.e2e-spec.ts'],
      // Saves the open pages when a test fails (apps/web/e2e/support/failure-report.ts).
      testEnvironment: '<rootDir>/apps/web/e2e/support/browser-environment.mjs',
    },
  ],
};
