import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { freePort, processAlive as alive } from '../apps/api/src/database/embedded-postgres.js';
import { testRunDir } from '../apps/api/test/test-database.js';

/** The environment of a person at a terminal: none of the test run's NODE_ENV, LOG_LEVEL or DATABASE_URL. */
function personEnv(extra: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH!,
    HOME: process.env.HOME ?? '/tmp',
    SHELL: '/bin/sh',
    TERM: 'xterm-256color',
    ...extra,
  };
}

async function waitForReady(port: number, child: ChildProcess, output: () => string, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`npm start not ready after ${timeoutMs} ms:\n${output()}`);
}

function exitOf(child: ChildProcess, timeoutMs = 60_000): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => reject(new Error(`still running ${timeoutMs} ms after the stop signal`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** The postmaster serving `dataDir`, from its lock file (first line: its pid). */
function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Any process still running PostgreSQL on this data directory (matched by its `-D <dir>` argument). */
async function postgresOn(dataDir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const cmdline = await fs.readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    if (
      cmdline
        .split('\0')
        .join(' ')
        .includes(`-D ${path.join(dataDir, 'pg')}`)
    )
      pids.push(Number(name));
  }
  return pids;
}

const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '').replace(/\r/g, '');

/**
 * `npm start` the way a person runs it: in a terminal (a pseudo-terminal from util-linux `script`), then
 * Ctrl-C typed into it, which the terminal turns into SIGINT for its whole foreground process group.
 */
describe('npm start', () => {
  const dataDir = path.join(testRunDir(), `start-${randomBytes(4).toString('hex')}`);
  const started: ChildProcess[] = [];
  const postmasters: number[] = [];
  afterAll(async () => {
    // Only after a failed assertion is anything still running; end what this file started.
    for (const child of started) if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    for (const pid of postmasters) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(`${dataDir}.stderr`, { force: true });
  });

  it('prints readable lines in a terminal, and Ctrl-C stops it without an error line or a PostgreSQL left', async () => {
    if (spawnSync('script', ['--version']).status !== 0)
      throw new Error("util-linux's `script` (Debian: bsdutils) is needed to run npm start in a terminal");
    const port = await freePort();
    const stderrFile = `${dataDir}.stderr`;
    // stdout is the terminal; stderr goes to a file, so "no error lines" can be read on its own.
    const terminal = spawn('script', ['-qfec', `exec node tools/start.mjs 2>${stderrFile}`, '/dev/null'], {
      detached: true,
      env: personEnv({ PORT: String(port), DATA_DIR: dataDir }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    started.push(terminal);
    let screen = '';
    terminal.stdout!.on('data', (d) => (screen += d));
    terminal.stderr!.on('data', (d) => (screen += d));
    await waitForReady(port, terminal, () => plain(screen));
    const postmaster = postmasterPid(dataDir);
    postmasters.push(postmaster);

    terminal.stdin!.write('\x03');
    expect(await exitOf(terminal)).toBe(0);

    const lines = plain(screen).split('\n');
    // Readable: "[hh:mm:ss] INFO: …" lines, no JSON.
    expect(lines.filter((l) => l.trimStart().startsWith('{"level"'))).toEqual([]);
    expect(lines.some((l) => /^\[\d\d:\d\d:\d\d\] INFO: Duban is ready/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('Duban is running at'))).toBe(true);
    // The shutdown ran in order and said nothing alarming.
    expect(lines.filter((l) => /\b(ERROR|FATAL)\b|✖|terminating connection/.test(l))).toEqual([]);
    expect(lines.some((l) => /INFO: shutting down/.test(l))).toBe(true);
    expect(lines.some((l) => /INFO: stopped/.test(l))).toBe(true);
    expect(await fs.readFile(stderrFile, 'utf8')).toBe('');
    expect(alive(postmaster)).toBe(false);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(await postgresOn(dataDir)).toEqual([]);
  });

  it('logs JSON when its output is not a terminal, and SIGTERM stops it cleanly too', async () => {
    const port = await freePort();
    // The same data directory: a second start reuses the cluster and the demo tenant.
    const api = spawn(process.execPath, ['tools/start.mjs'], {
      detached: true,
      env: personEnv({ PORT: String(port), DATA_DIR: dataDir }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(api);
    let stdout = '';
    let stderr = '';
    api.stdout!.on('data', (d) => (stdout += d));
    api.stderr!.on('data', (d) => (stderr += d));
    await waitForReady(port, api, () => stdout + stderr);
    const postmaster = postmasterPid(dataDir);
    postmasters.push(postmaster);

    process.kill(-api.pid!, 'SIGTERM');
    expect(await exitOf(api)).toBe(0);

    const records = stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(records.map((r) => r.msg)).toEqual(expect.arrayContaining(['Duban is ready', 'shutting down', 'stopped']));
    expect(records.filter((r) => r.level >= 50)).toEqual([]);
    expect(stderr).toBe('');
    expect(alive(postmaster)).toBe(false);
    expect(await postgresOn(dataDir)).toEqual([]);
  });
});
