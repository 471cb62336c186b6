// `npm test`: every test in the repository, then the slowest test files, the integration files' CPU
// and one closing summary line.
//   0. the parser's fixtures in ../shared, and Chromium for the browser tests (installed when missing
//      as root with apt, with Chinese fonts and the OCR tools), else stop at once
//   1. type checks (API with its libs, its tests, web, browser tests), lint (module boundaries) and formatting (prettier)
//   2. jest: pure libs, API unit, integration on real PostgreSQL, browser tests in Chromium
//   3. vitest: the web app's component tests
// Exits non-zero if anything failed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBrowser } from './lib/browser-setup.mjs';
import { checkCaches } from './lib/check-caches.mjs';
import { bin, run } from './lib/run.mjs';

const runStarted = Date.now();
// Before anything slow: the parser's fixtures live beside the clone (../shared), not in it.
const FIXTURES = path.resolve('..', 'shared', 'fixtures');
const missingFixtures = ['documents', 'expected', 'wild'].filter((d) => !existsSync(path.join(FIXTURES, d)));
if (missingFixtures.length) {
  process.stderr.write(
    `\n✖ The parser's test documents are missing: ${missingFixtures.map((d) => path.join(FIXTURES, d)).join(', ')}.\n` +
      `  npm test reads them from ../shared/fixtures beside this checkout (documents/, expected/, wild/); put the shared folder there and run it again.\n`,
  );
  process.exit(1);
}
// A machine that cannot run the browser tests hears so in seconds, with the command.
const browser = await ensureBrowser();
if (!browser.ok) {
  process.stderr.write(`\n✖ ${browser.message}\n`);
  process.exit(1);
}

/** All cores' busy and total time so far (ms), to tell whether a step kept the machine busy. */
const cpuTimes = () =>
  os.cpus().reduce(
    (sum, { times }) => {
      const total = times.user + times.nice + times.sys + times.idle + times.irq;
      return { busy: sum.busy + total - times.idle, total: sum.total + total };
    },
    { busy: 0, total: 0 },
  );
const results = [];
const step = async (name, command, args, env = {}) => {
  const started = Date.now();
  const cpuBefore = cpuTimes();
  process.stdout.write(`\n▶ ${name}\n`);
  const code = await run(command, args, { env: { ...process.env, ...env } });
  const cpuAfter = cpuTimes();
  // The whole machine's load, ours and anyone else's: a step far below 100 % waits on something else.
  const busy = Math.round((100 * (cpuAfter.busy - cpuBefore.busy)) / Math.max(1, cpuAfter.total - cpuBefore.total));
  results.push({ name, code, seconds: Math.round((Date.now() - started) / 100) / 10, busy });
  return code;
};
/**
 * A step run beside others: its output is held and printed whole when it ends, so parallel steps do not
 * interleave their lines.
 */
const quietStep = (name, command, args, env = {}) =>
  new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const done = (code) => {
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      process.stdout.write(`\n▶ ${name} (${seconds}s)\n${output}`);
      results.push({ name, code, seconds });
      resolve(code);
    };
    child.on('error', (error) => {
      output += `${error.message}\n`;
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });

const FILE_CPU_DIR = 'tmp/test-results/file-cpu';
rmSync('tmp/test-results', { recursive: true, force: true });
mkdirSync('tmp/test-results', { recursive: true });

// The web app is rebuilt only when its sources are newer than the last build (the API's tsc -b is
// incremental by itself): a second run on the same tree does not bundle the same app again.
await step('build (type-checks the API and libs; builds the web app for the browser tests)', process.execPath, [
  'tools/build.mjs',
  '--if-stale',
]);
// The checks below are separate processes that read the sources only: side by side they take the time
// of the longest instead of the sum. Each keeps what it learnt about unchanged files (check-caches.mjs):
// on a fresh clone they check everything, on the next run only what changed.
const caches = checkCaches();
await Promise.all([
  // The build checks the API's own code; its tests (run by SWC, which strips types) are checked here.
  quietStep('type-check API tests', bin('tsc'), ['-p', 'apps/api/tsconfig.json', '--noEmit', ...caches.tsc('api')]),
  // The operator CLI runs through SWC too (tools/cli.mjs): nothing else reads its types.
  quietStep('type-check CLI', bin('tsc'), ['-p', 'apps/cli/tsconfig.json', ...caches.tsc('cli')]),
  quietStep('type-check web', bin('tsc'), ['-p', 'apps/web/tsconfig.json', ...caches.tsc('web')]),
  // Browser tests run in Node but hand callbacks to the page (page.evaluate): Node's and the DOM's types.
  quietStep('type-check browser tests', bin('tsc'), ['-p', 'apps/web/e2e/tsconfig.json', ...caches.tsc('e2e')]),
  // The module-boundary rule reads Nx's project graph; compute it first (no daemon on CI machines).
  run(bin('nx'), ['show', 'projects'], { stdio: 'ignore', env: { ...process.env, NX_DAEMON: 'false' } }).then(() =>
    quietStep(
      'lint (module boundaries)',
      bin('eslint'),
      ['--max-warnings=0', ...caches.eslint(), 'apps', 'libs', 'tools'],
      {
        NX_DAEMON: 'false',
      },
    ),
  ),
  // One formatting for everyone (.prettierrc.json, 120 columns): `npm run format` fixes what this reports.
  quietStep('format (prettier --check)', bin('prettier'), [
    '--check',
    '--log-level=warn',
    ...caches.prettier(),
    '**/*.{ts,tsx,mjs,js,json,css,html}',
  ]),
]);
await step(
  'jest (libs, api, integration, browser)',
  process.execPath,
  ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--json', '--outputFile=tmp/test-results/jest.json'],
  // Each integration file's CPU (apps/api/test/cpu-environment.mjs), summed below.
  { NODE_NO_WARNINGS: '1', DUBAN_FILE_CPU_DIR: path.resolve(FILE_CPU_DIR) },
);
await step('vitest (web components)', bin('vitest'), [
  'run',
  '--config',
  'apps/web/vite.config.ts',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=' + process.cwd() + '/tmp/test-results/vitest.json',
]);

const report = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
function counts(r) {
  if (!r) return { passed: 0, failed: 0, skipped: 0 };
  return {
    passed: r.numPassedTests ?? 0,
    failed: (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0),
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}
/** Seconds per test file, from jest's and vitest's JSON reports (both give each file's start and end). */
const fileSeconds = (r) =>
  (r?.testResults ?? []).map((t) => ({
    file: path.relative(process.cwd(), t.name),
    seconds: (t.endTime - t.startTime) / 1000,
  }));
const jestReport = report('tmp/test-results/jest.json');
const vitestReport = report('tmp/test-results/vitest.json');
const jest = counts(jestReport);
const vitest = counts(vitestReport);
const failedSteps = results.filter((r) => r.code !== 0);

const slowest = [...fileSeconds(jestReport), ...fileSeconds(vitestReport)]
  .sort((a, b) => b.seconds - a.seconds)
  .slice(0, 10);
if (slowest.length) {
  process.stdout.write('\nSlowest test files:\n');
  for (const { file, seconds } of slowest) process.stdout.write(`  ${seconds.toFixed(1).padStart(6)}s  ${file}\n`);
}

/**
 * The integration files' CPU (their jest worker's and the child processes they waited for): unlike
 * their seconds, comparable between a quiet and a busy machine.
 */
const fileCpu = existsSync(FILE_CPU_DIR)
  ? readdirSync(FILE_CPU_DIR).flatMap((f) =>
      readFileSync(path.join(FILE_CPU_DIR, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    )
  : [];
if (fileCpu.length) {
  const sum = (key) => fileCpu.reduce((total, f) => total + f[key], 0) / 1000;
  process.stdout.write(
    `\nIntegration files' CPU: ${(sum('ownMs') + sum('childrenMs')).toFixed(0)} s over ${fileCpu.length} files ` +
      `(jest workers ${sum('ownMs').toFixed(0)} s, processes the files started ${sum('childrenMs').toFixed(0)} s; ` +
      `the shared PostgreSQL not included). Most CPU:\n`,
  );
  for (const f of [...fileCpu].sort((a, b) => b.ownMs + b.childrenMs - (a.ownMs + a.childrenMs)).slice(0, 8))
    process.stdout.write(`  ${((f.ownMs + f.childrenMs) / 1000).toFixed(1).padStart(6)}s  ${f.file}\n`);
}

/**
 * Each failed test with the first lines of its message, printed near the end because CI shows only
 * the tail of the output: the names must survive there.
 */
function failures(r) {
  const out = [];
  for (const file of r?.testResults ?? []) {
    const rel = path.relative(process.cwd(), file.name);
    const failedTests = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failedTests)
      out.push({ where: `${rel} › ${a.fullName ?? a.title}`, message: (a.failureMessages ?? []).join('\n') });
    // A file that failed outside any test (a throwing beforeAll, a syntax error) has only a file message.
    if (!failedTests.length && file.status === 'failed') out.push({ where: rel, message: file.message ?? '' });
  }
  return out;
}
const failedTests = [...failures(jestReport), ...failures(vitestReport)];
if (failedTests.length) {
  process.stdout.write('\nFailed tests:\n');
  for (const { where, message } of failedTests.slice(0, 20)) {
    // Strip colours; keep a few lines so the cause is readable without the full log.
    const lines = message
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .map((l) => l.trimEnd())
      .filter((l) => l.trim())
      .slice(0, 6);
    process.stdout.write(`  ✗ ${where}\n${lines.map((l) => `      ${l.slice(0, 240)}\n`).join('')}`);
  }
  if (failedTests.length > 20) process.stdout.write(`  … and ${failedTests.length - 20} more\n`);
}

process.stdout.write('\nSteps:\n');
for (const r of results)
  process.stdout.write(
    `  ${r.code === 0 ? '✓' : '✗'} ${r.name} (${r.seconds}s${r.busy === undefined ? '' : `, CPUs ${r.busy}% busy`})\n`,
  );
process.stdout.write(`  (${os.cpus().length} cores; load average now ${os.loadavg()[0].toFixed(1)})\n`);
const total = Math.round((Date.now() - runStarted) / 1000);
process.stdout.write(`  total ${Math.floor(total / 60)} min ${total % 60} s\n`);
const passed = jest.passed + vitest.passed;
// A failed step that is not a test file (build, type-check, lint) counts as one failure.
const nonTestFailures = failedSteps.filter((r) => !r.name.startsWith('jest') && !r.name.startsWith('vitest')).length;
const failed =
  jest.failed +
  vitest.failed +
  nonTestFailures +
  (failedSteps.some((r) => r.name.startsWith('jest')) && jest.failed === 0 ? 1 : 0) +
  (failedSteps.some((r) => r.name.startsWith('vitest')) && vitest.failed === 0 ? 1 : 0);
const skipped = jest.skipped + vitest.skipped;
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 || failedSteps.length > 0 ? 1 : 0);
