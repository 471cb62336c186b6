import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { stillRunning, watchDescendants, type ProcessId } from './support/process-tree.js';

/** Long enough for two app starts on a busy machine; a jest that waits on a live server never ends. */
const CHILD_JEST_LIMIT_MS = 300_000;

interface JestRun {
  code: number | null;
  endedOnItsOwn: boolean;
  output: string;
  descendants: ProcessId[];
}

/** Runs the deliberately failing browser file in a child jest (its own process group), watching its processes. */
function runFailingSuite(resultsFile: string): Promise<JestRun> {
  const { JEST_WORKER_ID: _worker, ...env } = process.env;
  const child = spawn(
    process.execPath,
    ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--config', 'apps/web/e2e/support/failing-suite/jest.config.mjs', '--json', `--outputFile=${resultsFile}`],
    { detached: true, env: { ...env, NODE_NO_WARNINGS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const watch = watchDescendants(child.pid!);
  let output = '';
  child.stdout.on('data', (d) => (output = (output + d).slice(-20000)));
  child.stderr.on('data', (d) => (output = (output + d).slice(-20000)));
  return new Promise((resolve) => {
    let endedOnItsOwn = true;
    const limit = setTimeout(() => {
      endedOnItsOwn = false;
      process.kill(-child.pid!, 'SIGKILL');
    }, CHILD_JEST_LIMIT_MS);
    child.once('exit', (code) => {
      clearTimeout(limit);
      resolve({ code, endedOnItsOwn, output, descendants: watch.stop() });
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

describe('a failing browser suite leaves no process behind', () => {
  const resultsFile = path.resolve('tmp', `failing-suite-${randomBytes(4).toString('hex')}.json`);
  let run: JestRun;
  beforeAll(async () => {
    await fs.mkdir(path.dirname(resultsFile), { recursive: true });
    run = await runFailingSuite(resultsFile);
  }, CHILD_JEST_LIMIT_MS + 10_000);
  afterAll(async () => {
    // Should the assertion below fail, do not leave the leftovers to the next run.
    for (const p of stillRunning(run?.descendants ?? [])) process.kill(p.pid, 'SIGKILL');
    await fs.rm(resultsFile, { force: true });
  });

  it('fails the way the suite was written to fail, and jest ends on its own', async () => {
    expect({ endedOnItsOwn: run.endedOnItsOwn, code: run.code }).toEqual({ endedOnItsOwn: true, code: 1 });
    const results = JSON.parse(await fs.readFile(resultsFile, 'utf8'));
    const failures = results.testResults.flatMap((file: { assertionResults: { status: string; failureMessages: string[] }[] }) =>
      file.assertionResults.filter((a) => a.status === 'failed').map((a) => a.failureMessages.join('\n')),
    );
    expect(failures).toHaveLength(2);
    expect(failures[0]).toContain('Chromium not found at /nonexistent/chromium');
    expect(failures[1]).toContain('not the title of the sign-in page');
  });

  it('leaves no app server, PostgreSQL or browser running', async () => {
    // The run really started them: the app (node), its PostgreSQL and Chromium were all seen.
    const commands = run.descendants.map((p) => p.command);
    expect(commands.some((c) => c.includes('apps/api/src/main.ts'))).toBe(true);
    expect(commands.some((c) => /\/postgres -D /.test(c))).toBe(true);
    expect(commands.some((c) => /chromium/.test(c))).toBe(true);
    const left = await leftAfter(run.descendants);
    expect(left.map((p) => `${p.pid} ${p.command}`)).toEqual([]);
  });
});
