// `npm run test:cluster [-- --scenario kill-primary[,switchover]]`: the fault scenarios of issue 21 on a
// real PostgreSQL 15 cluster (Patroni, etcd, HAProxy, PgBouncer) with the built API, on loopback ports.
// Prints one table of figures; exits non-zero when any scenario fails a check. Logs of every process
// are kept in tmp/cluster/<scenario>/.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-ignore: a plain .mjs helper shared with the repository's scripts
import { run } from '../lib/run.mjs';
import { Cluster, tail } from './cluster.js';
import { FakeClock } from './fake-clock.js';
import { ensurePackages } from './packages.js';
import {
  finishScenario,
  RECOVERY_LIMIT_SECONDS,
  SCENARIOS,
  SELF_TEST_SCENARIOS,
  type Scenario,
  type ScenarioRun,
} from './scenarios.js';
import { scenarioVerdict, formatTable, type ScenarioResult } from './table.js';

/** However a scenario goes, it ends: a stuck step is abandoned after this long and the cluster torn down. */
const SCENARIO_LIMIT_MS = 9 * 60_000;

const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

function parseArgs(argv: string[]): { scenarios: Scenario[]; list: boolean } {
  const names: string[] = [];
  let list = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--list') list = true;
    else if (arg === '--scenario' || arg === '-s') names.push(...(argv[++i] ?? '').split(','));
    else if (arg.startsWith('--scenario=')) names.push(...arg.slice('--scenario='.length).split(','));
    else throw new Error(`unknown argument ${arg} (use --scenario <name>[,<name>] or --list)`);
  }
  const known = [...SCENARIOS, ...SELF_TEST_SCENARIOS];
  const unknown = names.filter((n) => n && !known.some((s) => s.name === n));
  if (unknown.length)
    throw new Error(`unknown scenario ${unknown.join(', ')}; one of: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  return { scenarios: names.length ? known.filter((s) => names.includes(s.name)) : SCENARIOS, list };
}

let current: { cluster: Cluster; dir: string } | null = null;
const removals: Promise<void>[] = [];
let interrupted = false;

/** Stops every process of the current cluster, keeps its logs (when asked) and removes its data. */
async function tearDownCurrent(keepLogsIn?: string): Promise<void> {
  const c = current;
  current = null;
  if (!c) return;
  const started = Date.now();
  await c.cluster.teardown().catch((error: Error) => log(`teardown: ${error.message}`));
  log(`cluster stopped in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  c.cluster.procs.stopReaper();
  if (keepLogsIn) {
    rmSync(keepLogsIn, { recursive: true, force: true });
    cpSync(path.join(c.dir, 'logs'), keepLogsIn, { recursive: true });
  }
  // A cluster's data is a few hundred MB: removed while the next scenario starts, awaited before exit.
  removals.push(rm(c.dir, { recursive: true, force: true }));
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: tearing the cluster down`);
    void tearDownCurrent()
      .then(() => Promise.allSettled(removals))
      .finally(() => process.exit(130));
  });
}

async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const started = Date.now();
  const dir = mkdtempSync(path.join(tmpdir(), 'duban-cluster-'));
  const clock = scenario.fakeClock ? new FakeClock(path.join(dir, 'faketime')) : null;
  const cluster = new Cluster({ dir, repoRoot, fakeClock: clock, log });
  cluster.procs.startReaper(dir);
  current = { cluster, dir };
  const s: ScenarioRun = {
    cluster,
    log,
    checks: [],
    notes: [],
    figures: null,
    tenant: null,
    load: null,
    prober: null,
    clock,
    loadStartedAt: Date.now(),
    faultAt: null,
  };
  let error: string | null = null;
  let limit: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      scenario.run(s),
      new Promise(
        (_, reject) =>
          (limit = setTimeout(
            () => reject(new Error(`did not finish within ${SCENARIO_LIMIT_MS / 60_000} min`)),
            SCENARIO_LIMIT_MS,
          )),
      ),
    ]);
  } catch (e) {
    error = (e as Error).message;
    log(`${scenario.name}: ${error.split('\n')[0]}`);
  } finally {
    clearTimeout(limit);
  }
  try {
    await finishScenario(s);
  } catch (e) {
    error ??= `final check failed: ${(e as Error).message}`;
  }
  await tearDownCurrent(path.join(repoRoot, 'tmp', 'cluster', scenario.name));
  return {
    name: scenario.name,
    title: scenario.title,
    figures: s.figures,
    checks: s.checks,
    notes: s.notes,
    error,
    seconds: (Date.now() - started) / 1000,
  };
}

async function main(): Promise<number> {
  const { scenarios, list } = parseArgs(process.argv.slice(2));
  if (list) {
    for (const s of SCENARIOS) process.stdout.write(`${s.name.padEnd(18)} ${s.title}\n`);
    return 0;
  }
  const packages = await ensurePackages(log);
  if (!packages.ok) {
    process.stderr.write(`\n✖ ${packages.message}\n\n`);
    return 2;
  }
  log('building the API (node tools/build.mjs --api-only)');
  const built = await run(process.execPath, ['tools/build.mjs', '--api-only'], { cwd: repoRoot });
  if (built !== 0) {
    process.stderr.write(`\n✖ the build failed (exit code ${built})\n\n`);
    return 1;
  }
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    if (interrupted) break;
    log(`── ${scenario.name}: ${scenario.title}`);
    const result = await runScenario(scenario);
    results.push(result);
    const verdict = scenarioVerdict(result, RECOVERY_LIMIT_SECONDS);
    log(
      `${scenario.name}: ${verdict.pass ? 'passed' : `FAILED (${verdict.reasons.join('; ')})`} in ${result.seconds.toFixed(0)} s`,
    );
  }
  process.stdout.write(`\n${formatTable(results, RECOVERY_LIMIT_SECONDS)}\n`);
  const failed = results.filter((r) => !scenarioVerdict(r, RECOVERY_LIMIT_SECONDS).pass).length;
  process.stdout.write(`\nscenarios: ${results.length - failed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

main().then(
  async (code) => {
    await Promise.allSettled(removals);
    // Interrupted, the scenario fails as its cluster goes: the exit says why it stopped (as Ctrl-C's handler does).
    process.exit(interrupted ? 130 : code);
  },
  async (error: Error) => {
    process.stderr.write(`\n✖ ${error.message}\n${error.stack ? tail(error.stack, 5) : ''}\n`);
    await tearDownCurrent();
    await Promise.allSettled(removals);
    process.exit(interrupted ? 130 : 1);
  },
);
