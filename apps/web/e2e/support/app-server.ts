import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import net from 'node:net';

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

/** Data folders left by a test process that was interrupted (named after its pid) go with the next start. */
async function removeStaleDataDirs(root: string) {
  for (const name of await fs.readdir(root).catch(() => [] as string[])) {
    const pid = /^e2e-(\d+)-\d+$/.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !alive(Number(pid)))
      await fs.rm(path.join(root, name), { recursive: true, force: true });
  }
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
 */
export async function startAppServer(
  env: Record<string, string> = {},
  /** `preload`: modules the app imports first (e.g. apps/api/test/loopback-platforms.ts). */
  opts: { before?: (dataDir: string) => Promise<void>; preload?: string[] } = {},
): Promise<AppServer> {
  const port = await freePort();
  await removeStaleDataDirs(path.resolve('.test-data'));
  const dataDir = path.resolve('.test-data', `e2e-${process.pid}-${port}`);
  await fs.rm(dataDir, { recursive: true, force: true });
  // e.g. the command line creating a tenant in the fresh data directory before the app starts on it
  await opts.before?.(dataDir);
  const preload = (opts.preload ?? []).flatMap((p) => ['--import', p]);
  const child = spawn(
    process.execPath,
    [
      '--import',
      './apps/web/e2e/support/lifeline.mjs',
      '--import',
      './tools/register-ts.mjs',
      ...preload,
      'apps/api/src/main.ts',
    ],
    {
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
    },
  );
  const exited = new Promise((r) => child.once('exit', r));
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // SIGTERM: the app closes its pool and stops its PostgreSQL; SIGKILL if it does not within 15 s.
        signalGroup(child, 'SIGTERM');
        const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 15000);
        await exited;
        clearTimeout(timer);
      }
      running.delete(child);
      await fs.rm(dataDir, { recursive: true, force: true });
    })());
  running.set(child, stop);
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-20000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-20000)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, stop };
}
