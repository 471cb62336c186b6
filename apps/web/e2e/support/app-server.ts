import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import net from 'node:net';
import { promisify } from 'node:util';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Every app server this test file started and has not stopped, with the way to stop it. Whatever a
 * suite's own hooks did (a browser that failed to launch beside `Promise.all`, a hook that timed out
 * while the server was still starting), the file's last hook stops them: a live server would keep jest
 * waiting forever, and its PostgreSQL with it. (Jest gives a test file a stand-in `process` whose signal
 * handlers are never called, so the end of the test process itself is covered by the app's lifeline.)
 */
const running = new Map<ChildProcess, () => Promise<void>>();

/** The app runs in a process group of its own, so a signal to the group reaches whatever it spawned. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

export async function stopAllAppServers(): Promise<void> {
  await Promise.all([...running.values()].map((stop) => stop()));
}

if (typeof afterAll === 'function') afterAll(stopAllAppServers);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Data folders left by a test process that was interrupted (named after its pid) go with the next start,
 * and so do demo templates of another day or another build (see demoTemplate).
 */
async function removeStaleDataDirs(root: string) {
  const names = await fs.readdir(root).catch(() => [] as string[]);
  // Every suite knows today's template, whether or not it starts on the demo: a suite that does not must
  // not take the current template away from one that is copying it.
  const current = templateDir(root);
  const myDay = templateDay(path.basename(current))!;
  for (const name of names) {
    const pid = /^e2e-(\d+)-\d+$/.exec(name)?.[1];
    const day = templateDay(name);
    // Another suite may be making a template (its lock is there) or copying a newer day's: a run that
    // crosses midnight in Shanghai has suites on both days, and the older must not delete the newer.
    const oldTemplate =
      day !== null && path.join(root, name) !== current && !names.includes(`${name}.lock`) && day <= myDay;
    if ((pid && Number(pid) !== process.pid && !alive(Number(pid))) || oldTemplate)
      await fs.rm(path.join(root, name), { recursive: true, force: true });
  }
}

/** The day of a demo template folder (`demo-template-YYYY-MM-DD-<code>`), null for anything else. */
function templateDay(name: string): string | null {
  return /^demo-template-(\d{4}-\d{2}-\d{2})-\d+$/.exec(name)?.[1] ?? null;
}

/** Newest modification time of the TypeScript sources under `dir` that the app's build compiles. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__tests__') newest = Math.max(newest, newestSource(file));
    } else if (entry.name.endsWith('.ts') && !/\.(integration-)?spec\.ts$/.test(entry.name))
      newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/**
 * The built API (dist/api, as `npm start` runs it) when the build is newer than every source it
 * compiles — `npm test` builds first, so always there: it starts in a third of the time the sources
 * take through the TypeScript loader. Otherwise the sources, so a test never runs stale code.
 */
function apiEntry(): string[] {
  const built = (src: string, buildInfo: string) =>
    existsSync(buildInfo) && newestSource(src) <= statSync(buildInfo).mtimeMs;
  const fresh =
    existsSync('dist/api/main.js') &&
    built('apps/api/src', 'dist/api/tsconfig.tsbuildinfo') &&
    built('libs/domain/src', 'libs/domain/dist/tsconfig.tsbuildinfo') &&
    built('libs/plan-parser/src', 'libs/plan-parser/dist/tsconfig.tsbuildinfo');
  return fresh ? ['dist/api/main.js'] : ['--import', './tools/register-ts.mjs', 'apps/api/src/main.ts'];
}

const shanghaiToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A stopped data folder with the migrated database and the demo tenant's year already loaded, made by
 * the first browser suite that asks (the others wait for it) and copied for each app server: loading
 * the demo year through the services takes most of an app's start (20 of 37 s on a loaded machine),
 * and every suite that starts on the demo would load the same year. Keyed by the day (the demo's
 * year is relative to today) and by the API's code; a template of another day or build is removed.
 */
function templateDir(root: string): string {
  const code = Math.max(...['apps/api/src', 'libs/domain/src', 'libs/plan-parser/src'].map(newestSource));
  return path.join(root, `demo-template-${shanghaiToday()}-${Math.round(code)}`);
}

async function demoTemplate(root: string): Promise<string> {
  const dir = templateDir(root);
  const ready = path.join(dir, 'READY');
  const lock = `${dir}.lock`;
  await fs.mkdir(root, { recursive: true });
  for (const deadline = Date.now() + 300_000; !existsSync(ready);) {
    if (Date.now() > deadline) throw new Error(`the demo template ${dir} was not made within 5 minutes`);
    try {
      await fs.mkdir(lock);
    } catch {
      // Another suite is making it: wait, unless the process that holds the lock is gone.
      const holder = Number(await fs.readFile(path.join(lock, 'pid'), 'utf8').catch(() => '0'));
      if (holder && !alive(holder)) await fs.rm(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      await fs.writeFile(path.join(lock, 'pid'), String(process.pid));
      await fs.rm(dir, { recursive: true, force: true });
      const maker = await launch({ dataDir: dir, entry: apiEntry(), env: {} });
      await maker.stop({ keepData: true });
      await fs.writeFile(ready, new Date().toISOString());
    } finally {
      await fs.rm(lock, { recursive: true, force: true });
    }
  }
  return dir;
}

async function waitForReady(url: string, child: ChildProcess, output: () => string, timeoutMs = 90000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`app exited with ${child.exitCode ?? child.signalCode}:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`app not ready after ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts the whole app the way a user does (embedded PostgreSQL, migrations, demo tenant, built web app)
 * in its own process group, so stopping it also stops anything else it spawned. Its lifeline (fd 3)
 * stops it when this process ends without a hook running: Ctrl-C, a crash, jest's forced exit.
 * A suite on the demo tenant starts from a copy of the day's demo template (demoTemplate).
 */
export async function startAppServer(
  env: Record<string, string> = {},
  /** `preload`: modules the app imports first (e.g. apps/api/test/loopback-platforms.ts). */
  opts: { before?: (dataDir: string) => Promise<void>; preload?: string[] } = {},
): Promise<AppServer> {
  const root = path.resolve('.test-data');
  // A preloaded test module patches the API's sources, so the app must run from them too.
  const entry = opts.preload?.length
    ? ['--import', './tools/register-ts.mjs', ...opts.preload.flatMap((p) => ['--import', p]), 'apps/api/src/main.ts']
    : apiEntry();
  const onDemo = !opts.before && env.SEED_DEMO !== 'false';
  const template = onDemo ? await demoTemplate(root) : null;
  await removeStaleDataDirs(root);
  const dataDir = path.join(root, `e2e-${process.pid}-${await freePort()}`);
  await fs.rm(dataDir, { recursive: true, force: true });
  if (template) await copyTemplate(root, template, dataDir);
  // e.g. the command line creating a tenant in the fresh data directory before the app starts on it
  await opts.before?.(dataDir);
  const server = await launch({ dataDir, entry, env });
  return { url: server.url, dataDir, stop: () => server.stop({ keepData: false }) };
}

/**
 * `cp -a` keeps the owner: as root, PostgreSQL runs as the postgres user and owns its files. A run that
 * crosses midnight in Shanghai, or a rebuild of the API during a run, retires the template a suite is
 * copying: that suite then copies the new day's (or build's) template, made afresh if need be.
 */
async function copyTemplate(root: string, template: string, dataDir: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await promisify(execFile)('cp', ['-a', template, dataDir]);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await fs.rm(dataDir, { recursive: true, force: true });
      template = await demoTemplate(root);
    }
  }
}

interface Launched {
  url: string;
  /** Resolves once the app has exited; `keepData` leaves its data folder (stopped cleanly) in place. */
  stop(opts: { keepData: boolean }): Promise<void>;
}

async function launch({
  dataDir,
  entry,
  env,
}: {
  dataDir: string;
  entry: string[];
  env: Record<string, string>;
}): Promise<Launched> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', './apps/web/e2e/support/lifeline.mjs', ...entry], {
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      WEB_DIST: 'dist/web',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let stopping: Promise<void> | null = null;
  let keep = false;
  const stop = ({ keepData }: { keepData: boolean }) =>
    (stopping ??= (async () => {
      keep = keepData;
      let code: number | null = child.exitCode;
      if (child.exitCode === null && child.signalCode === null) {
        // SIGTERM: the app closes its pool and stops its PostgreSQL; SIGKILL if it does not within 15 s.
        signalGroup(child, 'SIGTERM');
        const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 15000);
        code = await exited;
        clearTimeout(timer);
      }
      running.delete(child);
      if (!keep) await fs.rm(dataDir, { recursive: true, force: true });
      else if (code !== 0) throw new Error(`the app did not stop cleanly (exit ${code}): its data is not kept`);
    })());
  running.set(child, () => stop({ keepData: false }));
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-20000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-20000)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(url, child, () => output);
  } catch (error) {
    await stop({ keepData: false });
    throw error;
  }
  return { url, stop };
}
