import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { stillRunning, watchDescendants, type ProcessId } from './support/process-tree.js';

/** Long enough for two app starts on a busy machine; a jest that waits on a live server never ends. */
const CHILD_JEST_LIMIT_MS = 300_000;

interface JestRun {
  pid: number;
  code: number | null;
  endedOnItsOwn: boolean;
  descendants: ProcessId[];
  resultsFile: string;
}

/**
 * Runs the deliberately failing browser file in a child jest (its own process group, as a terminal
 * would run it), watching every process that descends from it. `interruptWhen`: send the group SIGINT,
 * as Ctrl-C does, once the processes seen so far satisfy it.
 */
function runFailingSuite(interruptWhen?: (seen: ProcessId[]) => boolean, onlySuite?: string): Promise<JestRun> {
  const resultsFile = path.resolve('tmp', `failing-suite-${randomBytes(4).toString('hex')}.json`);
  const { JEST_WORKER_ID: _worker, ...env } = process.env;
  const child = spawn(
    process.execPath,
    [
      '--experimental-vm-modules',
      'node_modules/jest/bin/jest.js',
      '--config',
      'apps/web/e2e/support/failing-suite/jest.config.mjs',
      '--json',
      `--outputFile=${resultsFile}`,
      ...(onlySuite ? ['--testNamePattern', onlySuite] : []),
    ],
    { detached: true, env: { ...env, NODE_NO_WARNINGS: '1' }, stdio: 'ignore' },
  );
  const watch = watchDescendants(child.pid!);
  const interrupter = interruptWhen
    ? setInterval(() => {
        if (!interruptWhen(watch.seen())) return;
        clearInterval(interrupter);
        process.kill(-child.pid!, 'SIGINT');
      }, 200)
    : undefined;
  return new Promise((resolve) => {
    let endedOnItsOwn = true;
    const limit = setTimeout(() => {
      endedOnItsOwn = false;
      process.kill(-child.pid!, 'SIGKILL');
    }, CHILD_JEST_LIMIT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(limit);
      clearInterval(interrupter);
      resolve({
        pid: child.pid!,
        code: code ?? (signal ? 128 : null),
        endedOnItsOwn,
        descendants: watch.stop(),
        resultsFile,
      });
    });
  });
}

/** Gives processes that are shutting down (PostgreSQL's checkpoint, a watchdog's next poll) a few seconds. */
async function leftAfter(processes: ProcessId[], graceMs = 20_000): Promise<ProcessId[]> {
  const deadline = Date.now() + graceMs;
  let left = stillRunning(processes);
  while (left.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    left = stillRunning(processes);
  }
  return left;
}

const commands = (run: JestRun) => run.descendants.map((p) => p.command);
// The app runs from its sources, or from the build when that is newer (support/app-server.ts).
const isApp = (command: string) => command.includes('apps/api/src/main.ts') || command.includes('dist/api/main.js');
const isPostgres = (command: string) => /\/postgres -D /.test(command);
const isChromium = (command: string) => /chromium/.test(command);

describe('a failing browser suite leaves no process behind', () => {
  const runs: JestRun[] = [];
  afterAll(async () => {
    // Should an assertion below fail, do not leave the leftovers to the next run.
    for (const p of stillRunning(runs.flatMap((r) => r.descendants))) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // It ended between the look and the kill.
      }
    }
    await Promise.all(runs.map((r) => fs.rm(r.resultsFile, { force: true })));
    // An interrupted run leaves its app servers' data folders (.test-data/e2e-<its pid>-<port>).
    const dirs = await fs.readdir('.test-data').catch(() => [] as string[]);
    for (const r of runs) {
      for (const d of dirs.filter((name) => name.startsWith(`e2e-${r.pid}-`)))
        await fs.rm(path.join('.test-data', d), { recursive: true, force: true });
    }
  });

  it('fails the way the suite was written to fail, jest ends on its own, and nothing is left', async () => {
    await fs.mkdir('tmp', { recursive: true });
    const run = await runFailingSuite();
    runs.push(run);
    expect({ endedOnItsOwn: run.endedOnItsOwn, code: run.code }).toEqual({ endedOnItsOwn: true, code: 1 });
    const results = JSON.parse(await fs.readFile(run.resultsFile, 'utf8'));
    const failures = results.testResults.flatMap(
      (file: { assertionResults: { status: string; failureMessages: string[] }[] }) =>
        file.assertionResults.filter((a) => a.status === 'failed').map((a) => a.failureMessages.join('\n')),
    );
    expect(failures).toHaveLength(2);
    expect(failures[0]).toContain('Chromium not found at /nonexistent/chromium');
    expect(failures[1]).toContain('not the title of the sign-in page');
    // The run really started them: the app, its PostgreSQL and Chromium were all seen.
    expect(commands(run).some(isApp)).toBe(true);
    expect(commands(run).some(isPostgres)).toBe(true);
    expect(commands(run).some(isChromium)).toBe(true);
    expect((await leftAfter(run.descendants)).map((p) => `${p.pid} ${p.command}`)).toEqual([]);
  });

  it('leaves nothing either when jest itself is interrupted (Ctrl-C) with the app and the browser up', async () => {
    const run = await runFailingSuite((seen) => {
      const running = stillRunning(seen).map((p) => p.command);
      return running.some(isPostgres) && running.some(isChromium);
    }, 'a test fails with the app and the browser up');
    runs.push(run);
    expect(run.endedOnItsOwn).toBe(true);
    expect(commands(run).some(isApp)).toBe(true);
    expect((await leftAfter(run.descendants)).map((p) => `${p.pid} ${p.command}`)).toEqual([]);
  });
});
