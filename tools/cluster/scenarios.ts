// The fault scenarios. Each gets a fresh cluster in its own temporary directory, runs the load, injects
// its fault, watches recovery, and leaves figures and checks; the runner tears the cluster down.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createWorkCalendar, shanghaiDate } from '@duban/domain';
import { DateTime } from 'luxon';
import { Cluster, type ApiProcess, type PgNode } from './cluster.js';
import { FakeClock, shanghaiInstant } from './fake-clock.js';
import { dishonestSeconds, errorSummary, recoverySeconds, storedFigures, type Figures } from './figures.js';
import { LoadGenerator, ReadyzProber } from './load.js';
import { seedTenant, type SeededTenant } from './seed.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface ScenarioRun {
  cluster: Cluster;
  log: (line: string) => void;
  checks: Check[];
  notes: string[];
  figures: Figures | null;
  tenant: SeededTenant | null;
  load: LoadGenerator | null;
  prober: ReadyzProber | null;
  clock: FakeClock | null;
  loadStartedAt: number;
  faultAt: number | null;
}

export interface Scenario {
  name: string;
  title: string;
  /** Build the cluster with a libfaketime clock shared by PostgreSQL and the API processes. */
  fakeClock?: boolean;
  run(s: ScenarioRun): Promise<void>;
}

/** The recovery bound the issue sets: writes succeed again within 30 s without a person. */
export const RECOVERY_LIMIT_SECONDS = 30;

const LOAD = { thinkMs: 400, requestTimeoutMs: 15_000, maxWrites: 6000, maxDurationMs: 8 * 60_000 };

// ---- building blocks -----------------------------------------------------------------------------

/** Infrastructure, the first API process (it migrates), the seeded tenant, then the other API processes. */
async function standardCluster(s: ScenarioRun, apis: number, today = shanghaiDate(new Date())): Promise<void> {
  await s.cluster.startInfrastructure();
  await s.cluster.startApi('api1');
  // Once the first process has migrated, the others start while the tenant is seeded.
  const others = Array.from({ length: apis - 1 }, (_, i) => s.cluster.startApi(`api${i + 2}`));
  const [tenant] = await Promise.all([seedTenant(s.cluster.directUrl, today), ...others]);
  s.tenant = tenant;
  s.log(`${apis} API processes ready; tenant ${s.tenant.code} seeded (${s.tenant.actors.length} people writing)`);
}

function startLoad(s: ScenarioRun): void {
  const endpoints = () => s.cluster.apis;
  s.load = new LoadGenerator(endpoints, s.tenant!, {
    ...LOAD,
    logFile: path.join(s.cluster.options.dir, 'logs', 'acknowledged-writes.jsonl'),
  });
  s.prober = new ReadyzProber(endpoints);
  s.loadStartedAt = Date.now();
  s.load.start();
  s.prober.start();
}

/** Waits at least `minMs` after the fault, then until writes have recovered and kept working 10 s, at most `maxMs`. */
async function observe(s: ScenarioRun, minMs: number, maxMs: number): Promise<void> {
  const faultAt = s.faultAt ?? s.loadStartedAt;
  const deadline = faultAt + maxMs;
  await sleep(Math.max(0, faultAt + minMs - Date.now()));
  while (Date.now() < deadline) {
    const recovered = recoverySeconds(s.load!.attempts, faultAt);
    const lastFailure = Math.max(0, ...s.load!.attempts.filter((a) => !a.ok).map((a) => a.end));
    if (recovered !== null && Date.now() - Math.max(lastFailure, faultAt) > 8000) return;
    await sleep(1000);
  }
}

function fault(s: ScenarioRun, what: string): void {
  s.faultAt = Date.now();
  s.log(`fault: ${what}`);
}

/** Kills a node as a host dying would: Patroni and its PostgreSQL, with SIGKILL. */
function killNode(s: ScenarioRun, node: PgNode): void {
  const postmaster = s.cluster.postmaster(node);
  node.patroni.expectedExit = true;
  s.cluster.procs.signal(node.patroni, 'SIGKILL');
  if (postmaster) s.cluster.procs.signal(postmaster, 'SIGKILL');
}

async function requireLeader(s: ScenarioRun): Promise<PgNode> {
  const leader = await s.cluster.leader();
  if (!leader) throw new Error('no primary to inject the fault into');
  return leader;
}

/** The common shape: a cluster with `apis` processes under load for a few seconds, then the fault. */
async function underLoad(s: ScenarioRun, apis: number): Promise<void> {
  await standardCluster(s, apis);
  startLoad(s);
  await sleep(6000);
}

/** Records who leads once the fault has played out. */
async function checkLeader(s: ScenarioRun, name: string, ok: (leader: PgNode | null) => boolean): Promise<void> {
  const now = await s.cluster.leader();
  s.checks.push({ name, ok: ok(now), detail: `leader ${now?.name ?? 'none'}` });
}

/** Stops the load and the probes, waits for a primary, and computes the scenario's figures. */
async function finish(s: ScenarioRun): Promise<void> {
  if (!s.load || !s.prober) return;
  await s.load.stop();
  await s.prober.stop();
  // Kept with the logs (tmp/cluster/<scenario>/) so that a verdict can be looked into afterwards.
  const logs = path.join(s.cluster.options.dir, 'logs');
  writeFileSync(path.join(logs, 'attempts.jsonl'), s.load.attempts.map((a) => JSON.stringify(a)).join('\n'));
  writeFileSync(path.join(logs, 'probes.jsonl'), s.prober.probes.map((p) => JSON.stringify(p)).join('\n'));
  const stored = await storedKeys(s);
  const { lost, duplicated } = storedFigures(s.load.acks, stored);
  const faultAt = s.faultAt ?? s.loadStartedAt;
  const exits = s.cluster.apis.filter((a) => a.proc.exit && !a.proc.expectedExit);
  // Processes replaced by a restart are no longer in cluster.apis; count them too.
  const replacedExits = s.cluster.procs.all.filter(
    (m) => m.name.startsWith('api') && m.exit && !m.expectedExit && !exits.some((e) => e.proc === m),
  );
  s.figures = {
    acknowledged: new Set(s.load.acks.map((a) => a.key)).size,
    lost: lost.length,
    duplicated: duplicated.length,
    failed: s.load.attempts.filter((a) => !a.ok).length,
    recoverySeconds: recoverySeconds(s.load.attempts, faultAt),
    exits: exits.length + replacedExits.length,
    dishonestSeconds: dishonestSeconds(s.load.attempts, s.prober.probes, s.loadStartedAt, Date.now()),
  };
  const abandoned = [...s.load.keys].filter((k) => !s.load!.acks.some((a) => a.key === k)).length;
  if (abandoned) s.notes.push(`${abandoned} write(s) never acknowledged before the load stopped`);
  if (lost.length) s.notes.push(`lost keys: ${lost.slice(0, 3).join(', ')}${lost.length > 3 ? ' …' : ''}`);
  if (duplicated.length)
    s.notes.push(`duplicated keys: ${duplicated.slice(0, 3).join(', ')}${duplicated.length > 3 ? ' …' : ''}`);
  for (const m of [...exits.map((e) => e.proc), ...replacedExits]) {
    s.notes.push(`${m.name} exited by itself (${m.exit?.code ?? m.exit?.signal}): ${lastError(m.log())}`);
  }
  const errors = errorSummary(s.load.attempts);
  if (errors.length) s.notes.push(`errors seen by users: ${errors.join('; ')}`);
}

/** Keys in the database and how many rows carry each, read on the primary once there is one. */
async function storedKeys(s: ScenarioRun): Promise<Map<string, number>> {
  const sql = `SELECT substring(text from 'key=(\\S+)') AS key, count(*)::int AS n FROM progress_report WHERE tenant_id = $1 AND text LIKE '%key=%' GROUP BY 1
               UNION ALL
               SELECT substring(message from 'key=(\\S+)'), count(*)::int FROM urge WHERE tenant_id = $1 AND message LIKE '%key=%' GROUP BY 1`;
  const stored = new Map<string, number>();
  await s.cluster.until('a primary answers for the final check', 90_000, async () => {
    const rows = await s.cluster.query<{ key: string; n: number }>(s.cluster.directUrl, sql, [s.tenant!.id]);
    for (const r of rows) stored.set(r.key, (stored.get(r.key) ?? 0) + r.n);
    return true;
  });
  return stored;
}

function lastError(log: string): string {
  const lines = log.trim().split('\n').reverse();
  for (const line of lines) {
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      if ((entry.level ?? 0) >= 50) return `${entry.msg ?? ''} ${entry.err?.message ?? ''}`.trim().slice(0, 200);
    } catch {
      if (line.trim()) return line.trim().slice(0, 200);
    }
  }
  return '(no log)';
}

/** The API processes' log entries with this message, across every process the scenario started. */
function logEntries(s: ScenarioRun, message: string): Record<string, unknown>[] {
  const files = new Set(s.cluster.procs.all.filter((m) => m.name.startsWith('api')).map((m) => m.logFile));
  const entries: Record<string, unknown>[] = [];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.includes(message)) continue;
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (entry.msg === message) entries.push(entry);
      } catch {
        // not a JSON line
      }
    }
  }
  return entries;
}

// ---- the scenarios -------------------------------------------------------------------------------

const switchover: Scenario = {
  name: 'switchover',
  title: 'planned switchover to the synchronous standby',
  async run(s) {
    await underLoad(s, 2);
    const leader = await requireLeader(s);
    const candidate = await s.cluster.syncStandby();
    if (!candidate) throw new Error('no synchronous standby to switch over to');
    fault(s, `switchover ${leader.name} → ${candidate.name}`);
    const res = await fetch(`http://127.0.0.1:${leader.rest}/switchover`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ leader: leader.name, candidate: candidate.name }),
      signal: AbortSignal.timeout(60_000),
    });
    s.notes.push(`Patroni: ${res.status} ${(await res.text()).trim().slice(0, 80)}`);
    await observe(s, 20_000, 120_000);
    await checkLeader(s, 'the candidate leads', (now) => now?.name === candidate.name);
  },
};

const killPrimary: Scenario = {
  name: 'kill-primary',
  title: 'kill -9 of the primary (Patroni and PostgreSQL)',
  async run(s) {
    await underLoad(s, 2);
    const leader = await requireLeader(s);
    fault(s, `kill -9 of ${leader.name}`);
    killNode(s, leader);
    await observe(s, 25_000, 150_000);
    await checkLeader(s, 'a standby was promoted', (now) => now !== null && now.name !== leader.name);
  },
};

const stopPrimary: Scenario = {
  name: 'stop-primary',
  title: 'SIGSTOP of the primary for 60 s',
  async run(s) {
    await underLoad(s, 2);
    const leader = await requireLeader(s);
    const postmaster = s.cluster.postmaster(leader);
    fault(s, `SIGSTOP of ${leader.name} (Patroni and PostgreSQL) for 60 s`);
    s.cluster.procs.signal(leader.patroni, 'SIGSTOP');
    if (postmaster) s.cluster.procs.signal(postmaster, 'SIGSTOP');
    await sleep(60_000);
    s.cluster.procs.signal(leader.patroni, 'SIGCONT');
    if (postmaster) s.cluster.procs.signal(postmaster, 'SIGCONT');
    s.log(`SIGCONT to ${leader.name}`);
    await observe(s, 70_000, 180_000);
    await checkLeader(s, 'one primary afterwards', (now) => now !== null);
  },
};

const etcdLoss: Scenario = {
  name: 'etcd-loss',
  title: 'loss of etcd for 30 s',
  async run(s) {
    await underLoad(s, 2);
    const etcd = s.cluster.etcd!;
    fault(s, 'etcd killed for 30 s');
    etcd.expectedExit = true;
    s.cluster.procs.signal(etcd, 'SIGKILL');
    await sleep(30_000);
    await s.cluster.startEtcd();
    s.log('etcd restarted');
    await observe(s, 40_000, 150_000);
    await checkLeader(s, 'one primary afterwards', (now) => now !== null);
  },
};

/** The next Shanghai working day (today if it is one): the daily run only acts on working days. */
function nextWorkingDay(from: Date): string {
  const calendar = createWorkCalendar();
  let day = DateTime.fromJSDate(from, { zone: 'Asia/Shanghai' });
  while (!calendar.isWorkingDay(day.toISODate()!)) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

const failoverAtDailyRun: Scenario = {
  name: 'failover-0730',
  title: 'failover at 07:30 Shanghai (fake clock), then exactly one daily run',
  fakeClock: true,
  async run(s) {
    const clock = s.clock!;
    const day = nextWorkingDay(new Date());
    // Set-up happens well before the run; then the clock moves to just before 07:30.
    clock.set(shanghaiInstant(day, '07:15:00'));
    await standardCluster(s, 2, day);
    startLoad(s);
    clock.set(shanghaiInstant(day, '07:29:45'));
    s.log(`fake clock: ${day} 07:29:45 Shanghai`);
    const killAt = shanghaiInstant(day, '07:29:55').getTime();
    await sleep(Math.max(0, killAt - clock.now().getTime()));
    const leader = await requireLeader(s);
    fault(
      s,
      `kill -9 of ${leader.name} at ${DateTime.fromJSDate(clock.now(), { zone: 'Asia/Shanghai' }).toFormat('HH:mm:ss')} Shanghai`,
    );
    killNode(s, leader);
    await observe(s, 25_000, 150_000);
    // Past the minute in which pg-boss fires the cron; then to the hourly catch-up (a quarter past).
    const windowEnd = shanghaiInstant(day, '07:31:05').getTime();
    await sleep(Math.max(0, windowEnd - clock.now().getTime()));
    const runsInWindow = dailyRuns(s, day);
    // The writes' part ends here: the jump would end every session as idle (30 min), which is not the fault.
    await s.load!.stop();
    await s.prober!.stop();
    clock.set(shanghaiInstant(day, '08:14:45'));
    s.log(`fake clock: ${day} 08:14:45 Shanghai (just before the hourly catch-up)`);
    await sleep(75_000);
    const runs = dailyRuns(s, day);
    const [row] = await s.cluster.query<{ completed: boolean }>(
      s.cluster.directUrl,
      `SELECT completed_at IS NOT NULL AS completed FROM supervision_day WHERE tenant_id = $1 AND day = $2`,
      [s.tenant!.id, day],
    );
    s.notes.push(`daily runs of ${s.tenant!.code} for ${day}: ${runsInWindow} by 07:31, ${runs} by 08:16`);
    s.checks.push({ name: 'exactly one daily run for the day', ok: runs === 1, detail: `${runs} run(s)` });
    s.checks.push({ name: 'the day recorded as completed', ok: row?.completed === true });
  },
};

/**
 * The tenant's daily runs for `day`: the log lines the run writes when done, stamped (on the faked
 * clock) from the day's 07:30 on. The catch-up a process runs when it starts does yesterday, before that.
 */
function dailyRuns(s: ScenarioRun, day: string): number {
  const from = shanghaiInstant(day, '07:30:00').getTime();
  return logEntries(s, 'daily supervision run').filter(
    (e) => e.tenantId === s.tenant!.id && Date.parse(String(e.time)) >= from,
  ).length;
}

const concurrentStart: Scenario = {
  name: 'concurrent-start',
  title: 'two API processes starting at once on an empty database',
  async run(s) {
    await s.cluster.startInfrastructure();
    const started = Date.now();
    const apis = await Promise.all([s.cluster.spawnApi('api1'), s.cluster.spawnApi('api2')]);
    const ready = await Promise.all(
      apis.map((api) =>
        s.cluster.waitReady(api, 120_000).then(
          () => (Date.now() - started) / 1000,
          (error: Error) => {
            s.notes.push(`${api.name}: ${error.message.split('\n')[0]}`);
            return null;
          },
        ),
      ),
    );
    s.notes.push(
      `ready after ${ready.map((r, i) => `${apis[i].name} ${r === null ? 'never' : `${r.toFixed(0)} s`}`).join(', ')}`,
    );
    s.checks.push({ name: 'both API processes ready within 120 s', ok: ready.every((r) => r !== null) });
    const migrations = await s.cluster
      .query<{ name: string; n: number }>(
        s.cluster.directUrl,
        `SELECT name, count(*)::int AS n FROM migrations GROUP BY name HAVING count(*) > 1`,
      )
      .catch((error: Error) => [{ name: `(could not read: ${error.message})`, n: 0 }]);
    s.checks.push({
      name: 'every migration applied once',
      ok: migrations.length === 0,
      detail: migrations.map((m) => m.name).join(', '),
    });
    const locks = await s.cluster
      .query<{ n: number }>(
        s.cluster.adminUrl.replace(/\/postgres$/, '/duban'),
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted`,
      )
      .catch(() => [{ n: -1 }]);
    s.notes.push(`session advisory locks held after start-up: ${locks[0].n}`);
    const live = apis.filter((a) => a.proc.running);
    if (live.length === 0) throw new Error('no API process came up');
    s.tenant = await seedTenant(s.cluster.directUrl, shanghaiDate(new Date()));
    // Writes through the processes that are up, for 20 s; a process still starting refuses connections.
    startLoad(s);
    s.faultAt = s.loadStartedAt;
    await sleep(20_000);
  },
};

const killApi: Scenario = {
  name: 'kill-api',
  title: 'kill -9 of an API process in the middle of requests',
  async run(s) {
    await underLoad(s, 3);
    const victim = s.cluster.apis[1];
    const deadline = Date.now() + 10_000;
    while ((s.load!.inflight.get(victim.name) ?? 0) === 0 && Date.now() < deadline) await sleep(5);
    const inflight = s.load!.inflight.get(victim.name) ?? 0;
    fault(s, `kill -9 of ${victim.name} with ${inflight} request(s) in flight`);
    victim.proc.expectedExit = true;
    s.cluster.procs.signal(victim.proc, 'SIGKILL');
    s.notes.push(`${inflight} request(s) in flight on ${victim.name} when it was killed`);
    // A supervisor (systemd, Kubernetes) starts it again.
    await sleep(5000);
    const restarted: ApiProcess = await s.cluster.spawnApi(victim.name, victim.port);
    await s.cluster
      .waitReady(restarted)
      .catch((error: Error) => s.notes.push(`restart failed: ${error.message.split('\n')[0]}`));
    await observe(s, 20_000, 90_000);
  },
};

export const SCENARIOS: Scenario[] = [
  switchover,
  killPrimary,
  stopPrimary,
  etcdLoss,
  failoverAtDailyRun,
  concurrentStart,
  killApi,
];

/** Not run by default: the harness's own test (no-leftovers.cluster-spec.ts) selects it by name. */
export const SELF_TEST_SCENARIOS: Scenario[] = [
  {
    name: 'fails-on-purpose',
    title: "brings the cluster up with its API processes, then fails (for the harness's own test)",
    async run(s) {
      await standardCluster(s, 2);
      throw new Error('fails on purpose with the cluster up');
    },
  },
];

export async function finishScenario(s: ScenarioRun): Promise<void> {
  await finish(s);
}
