// The harness leaves nothing running, whether a scenario fails, the run is interrupted (Ctrl-C), or the
// harness itself is killed (its reaper then kills the cluster). Every process the run starts is watched
// by /proc: its descendants, plus the postmasters that Patroni starts in sessions of their own (found
// by the run's private temporary directory in their command line) and theirs.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface Proc {
  pid: number;
  startTime: string;
  command: string;
}

/** Long enough for a cluster and two API processes to come up on a busy machine. */
const RUN_LIMIT_MS = 400_000;

function stat(pid: number): { ppid: number; state: string; startTime: string } | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], ppid: Number(fields[1]), startTime: fields[19] };
  } catch {
    return null;
  }
}

function command(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** Polls /proc for the processes of a run: descendants of `root`, and processes naming `marker` (and their descendants). */
function watchRun(root: number, marker: string) {
  const seen = new Map<string, Proc>();
  const poll = () => {
    const all = readdirSync('/proc')
      .filter((n) => /^\d+$/.test(n))
      .map(Number);
    const byParent = new Map<number, number[]>();
    const stats = new Map<number, NonNullable<ReturnType<typeof stat>>>();
    for (const pid of all) {
      const s = stat(pid);
      if (!s) continue;
      stats.set(pid, s);
      byParent.set(s.ppid, [...(byParent.get(s.ppid) ?? []), pid]);
    }
    const queue = [root, ...all.filter((pid) => pid !== root && command(pid).includes(marker))];
    const visited = new Set<number>();
    while (queue.length) {
      const pid = queue.shift()!;
      if (visited.has(pid)) continue;
      visited.add(pid);
      const s = stats.get(pid);
      if (s && pid !== root) seen.set(`${pid}:${s.startTime}`, { pid, startTime: s.startTime, command: command(pid) });
      queue.push(...(byParent.get(pid) ?? []));
    }
  };
  poll();
  const timer = setInterval(poll, 100);
  return {
    seen: () => [...seen.values()],
    stop: () => {
      clearInterval(timer);
      poll();
      return [...seen.values()];
    },
  };
}

const running = (procs: Proc[]) =>
  procs.filter((p) => {
    const s = stat(p.pid);
    return s !== null && s.startTime === p.startTime && s.state !== 'Z';
  });

async function leftAfter(procs: Proc[], graceMs = 20_000): Promise<string[]> {
  const deadline = Date.now() + graceMs;
  while (running(procs).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  return running(procs).map((p) => `${p.pid} ${p.command}`);
}

interface Run {
  code: number | null;
  output: string;
  procs: Proc[];
  tmp: string;
}

/** Runs the harness in a process group of its own; `interrupt` sends a signal to it once the seen processes satisfy `when`. */
function runHarness(
  scenario: string,
  interrupt?: { signal: NodeJS.Signals; group: boolean; when: (running: Proc[]) => boolean },
): Promise<Run> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'cluster-leftovers-'));
  // PostgreSQL, Patroni and PgBouncer run as the postgres user, under this directory.
  chmodSync(tmp, 0o755);
  const child = spawn(
    process.execPath,
    ['--import', './tools/register-ts.mjs', 'tools/cluster/test-cluster.ts', '--scenario', scenario],
    {
      detached: true,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const watch = watchRun(child.pid!, tmp);
  const interrupter = interrupt
    ? setInterval(() => {
        if (!interrupt.when(running(watch.seen()))) return;
        clearInterval(interrupter);
        process.kill(interrupt.group ? -child.pid! : child.pid!, interrupt.signal);
      }, 200)
    : undefined;
  return new Promise((resolve) => {
    const limit = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), RUN_LIMIT_MS);
    child.once('exit', (code) => {
      clearTimeout(limit);
      clearInterval(interrupter);
      // The reaper acts a second after its harness died: keep watching for what it kills.
      setTimeout(() => resolve({ code, output, procs: watch.stop(), tmp }), 3000);
    });
  });
}

const isPostgres = (p: Proc) => /\/postgres -D /.test(p.command);
const isApi = (p: Proc) => p.command.includes('dist/api/main.js');
const isPatroni = (p: Proc) => p.command.includes('/usr/bin/patroni');
const isPgbouncer = (p: Proc) => p.command.includes('pgbouncer');
const clusterUp = (procs: Proc[]) => procs.some(isApi) && procs.some(isPostgres) && procs.some(isPgbouncer);

describe('the cluster harness leaves no process behind', () => {
  const runs: Run[] = [];
  afterAll(() => {
    for (const p of running(runs.flatMap((r) => r.procs))) process.kill(p.pid, 'SIGKILL');
    for (const r of runs) rmSync(r.tmp, { recursive: true, force: true });
  });

  it('when a scenario fails with the whole cluster up', async () => {
    const run = await runHarness('fails-on-purpose');
    runs.push(run);
    expect(run.code).toBe(1);
    expect(run.output).toContain('fails on purpose');
    expect(run.procs.some(isPostgres) && run.procs.some(isPatroni) && run.procs.some(isApi)).toBe(true);
    expect(await leftAfter(run.procs)).toEqual([]);
    expect(readdirSync(run.tmp)).toEqual([]);
  });

  it('when the run is interrupted (Ctrl-C) under load', async () => {
    const run = await runHarness('switchover', { signal: 'SIGINT', group: true, when: clusterUp });
    runs.push(run);
    expect(run.code).toBe(130);
    expect(run.procs.some(isPostgres) && run.procs.some(isApi)).toBe(true);
    expect(await leftAfter(run.procs)).toEqual([]);
    expect(readdirSync(run.tmp)).toEqual([]);
  });

  it('when the harness itself is killed with SIGKILL: its reaper kills the cluster', async () => {
    const run = await runHarness('switchover', { signal: 'SIGKILL', group: false, when: clusterUp });
    runs.push(run);
    expect(run.procs.some(isPostgres) && run.procs.some(isApi)).toBe(true);
    expect(await leftAfter(run.procs)).toEqual([]);
    expect(readdirSync(run.tmp)).toEqual([]);
  });
});
