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

async function waitForReady(url: string, child: ChildProcess, output: () => string, timeoutMs = 90000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${output()}`);
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
 * in its own process group, so stopping it also stops PostgreSQL and anything else it spawned.
 */
export async function startAppServer(env: Record<string, string> = {}, opts: { before?: (dataDir: string) => Promise<void> } = {}): Promise<AppServer> {
  const port = await freePort();
  const dataDir = path.resolve('.test-data', `e2e-${process.pid}-${port}`);
  await fs.rm(dataDir, { recursive: true, force: true });
  // e.g. the command line creating a tenant in the fresh data directory before the app starts on it
  await opts.before?.(dataDir);
  const child = spawn(process.execPath, ['--import', './tools/register-ts.mjs', 'apps/api/src/main.ts'], {
    detached: true,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, WEB_DIST: 'dist/web', LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-20000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-20000)));
  const url = `http://127.0.0.1:${port}`;
  await waitForReady(url, child, () => output);
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid!, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15000))]);
        if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      }
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
