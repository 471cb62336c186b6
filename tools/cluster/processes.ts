// Every process the harness starts runs in a process group of its own, is written into a ledger file,
// and is stopped by its group id: never by name (other engineers run PostgreSQL on this machine too).
// A reaper shell outlives the harness only to kill the ledger's groups should the harness itself be
// killed (kill -9), so not even that leaves a database or a proxy running.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface RunAs {
  uid: number;
  gid: number;
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Run as this user (the harness runs as root; PostgreSQL, Patroni and PgBouncer refuse root). */
  runAs?: RunAs | null;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

export class Managed {
  exit: Exit | null = null;
  /** Set before the harness stops or kills it, so an exit it caused is not counted as a crash. */
  expectedExit = false;
  readonly exited: Promise<Exit>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal, at: Date.now() };
        resolve(this.exit);
      });
      child.once('error', () => {
        this.exit ??= { code: null, signal: null, at: Date.now() };
        resolve(this.exit);
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.exit === null && this.pid > 0;
  }

  log(): string {
    try {
      return readFileSync(this.logFile, 'utf8');
    } catch {
      return '';
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class ProcessSet {
  readonly all: Managed[] = [];
  /** Groups the harness did not spawn itself but owns: the postmasters' (Patroni starts them with setsid). */
  private readonly adopted = new Set<number>();
  private readonly ledger: string;
  private reaper: ChildProcess | null = null;

  constructor(readonly dir: string) {
    this.ledger = path.join(dir, 'process-groups');
    writeFileSync(this.ledger, '');
  }

  /** Starts the reaper: if this process dies without tearing down, it kills every group in the ledger. */
  startReaper(removeDir: string): void {
    const script = path.join(path.dirname(new URL(import.meta.url).pathname), 'reaper.sh');
    this.reaper = spawn('/bin/sh', [script, String(process.pid), this.ledger, removeDir], {
      detached: true,
      stdio: 'ignore',
    });
    this.reaper.unref();
  }

  stopReaper(): void {
    if (this.reaper?.pid) signalGroup(this.reaper.pid, 'SIGKILL');
    this.reaper = null;
  }

  start(name: string, command: string, args: string[], options: StartOptions = {}): Managed {
    const logFile = path.join(this.dir, 'logs', `${name}.log`);
    const fd = openSync(logFile, 'a');
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env as NodeJS.ProcessEnv,
      detached: true,
      stdio: ['ignore', fd, fd],
      ...(options.runAs ? { uid: options.runAs.uid, gid: options.runAs.gid } : {}),
    });
    closeSync(fd);
    const managed = new Managed(name, child, logFile);
    if (child.pid) appendFileSync(this.ledger, `${child.pid}\n`);
    this.all.push(managed);
    return managed;
  }

  /** Records a group the harness must kill at the end although it did not spawn its leader. */
  adopt(pgid: number): void {
    if (pgid > 0 && !this.adopted.has(pgid)) {
      this.adopted.add(pgid);
      appendFileSync(this.ledger, `${pgid}\n`);
    }
  }

  /** Sends a signal to a process's whole group (SIGSTOP/SIGCONT/SIGKILL in the fault scenarios). */
  signal(target: Managed | number, signal: NodeJS.Signals): boolean {
    const pgid = typeof target === 'number' ? target : target.pid;
    if (typeof target !== 'number' && !target.running && signal !== 'SIGCONT') return false;
    return signalGroup(pgid, signal);
  }

  /** SIGTERM to the group, then SIGKILL after `graceMs`; resolves when the leader has exited. */
  async stop(target: Managed, graceMs = 10_000): Promise<void> {
    target.expectedExit = true;
    if (!target.running) {
      signalGroup(target.pid, 'SIGKILL');
      return;
    }
    signalGroup(target.pid, 'SIGCONT');
    signalGroup(target.pid, 'SIGTERM');
    const timer = sleep(graceMs).then(() => 'timeout' as const);
    if ((await Promise.race([target.exited, timer])) === 'timeout') signalGroup(target.pid, 'SIGKILL');
    await target.exited;
    // Children that ignored SIGTERM or were still exiting.
    signalGroup(target.pid, 'SIGKILL');
  }

  /** Stops everything: the given order first (gracefully, in parallel within a step), then SIGKILL to every group left. */
  async teardown(order: Managed[][] = [this.all], graceMs = 10_000): Promise<void> {
    for (const m of this.all) if (m.running) signalGroup(m.pid, 'SIGCONT');
    for (const pgid of this.adopted) signalGroup(pgid, 'SIGCONT');
    for (const step of order) await Promise.all(step.filter((m) => m.running).map((m) => this.stop(m, graceMs)));
    await Promise.all(this.all.filter((m) => m.running).map((m) => this.stop(m, graceMs)));
    for (const pgid of this.adopted) signalGroup(pgid, 'SIGKILL');
    for (const m of this.all) signalGroup(m.pid, 'SIGKILL');
    const deadline = Date.now() + 10_000;
    const groups = [...this.adopted, ...this.all.map((m) => m.pid)].filter((p) => p > 0);
    while (groups.some(groupAlive) && Date.now() < deadline) await sleep(100);
  }
}

/**
 * The process group of a PostgreSQL data directory's postmaster (named by its postmaster.pid, when that
 * process is this data directory's postmaster), which its backends share. Not the postmaster's pid:
 * Patroni starts it from a helper that calls setsid and exits, so the group's leader is gone and only a
 * signal to the group reaches the postmaster and its children together.
 */
export function postmasterGroup(dataDir: string): number | null {
  const file = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir)) return null;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
    return Number.isInteger(pgid) && pgid > 0 ? pgid : null;
  } catch {
    return null;
  }
}
