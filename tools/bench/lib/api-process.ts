// The API as a separate process, like production: its own event loop and its own memory to measure.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../../../apps/api/src/database/embedded-postgres.js';
import { processTree } from './cpu-time.js';
// @ts-ignore: a plain .mjs helper shared with the repository's scripts
import { run } from '../../lib/run.mjs';

export interface ApiProcess {
  url: string;
  pid: number;
  rssMb(): number;
  stop(): Promise<void>;
}

/**
 * Runs the built API (`dist/api/main.js`, rebuilt when the sources changed) in production mode with
 * the same heap bound as `npm start` and the container, rather than from TypeScript sources through the dev loader.
 * One process unless WEB_CONCURRENCY says how many workers (`WEB_CONCURRENCY=2 npm run bench`).
 * `nodeArgs` go to node before the script (`--cpu-prof` and its directory, for `npm run bench -- --cpu-prof`).
 * BENCH_API_MAIN runs another build's entry instead (a copy of `dist` kept inside the repository, so its
 * packages resolve), to alternate a build before and after a change in one sitting.
 */
export async function startApi(
  databaseUrl: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<ApiProcess> {
  const built = await run(process.execPath, ['tools/build.mjs', '--if-stale']);
  if (built !== 0) throw new Error(`building the API failed (exit code ${built})`);
  const port = await freePort();
  const main = process.env.BENCH_API_MAIN ?? 'dist/api/main.js';
  const child: ChildProcess = spawn(process.execPath, ['--max-old-space-size=384', ...nodeArgs, main], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'false',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      // The load comes from one address; the public page's per-address limit would measure itself.
      PUBLIC_PAGE_RATE_PER_MINUTE: '10000000',
      PORT: String(port),
      HOST: '127.0.0.1',
      WEB_DIST: 'off',
      DATABASE_POOL_SIZE: '20',
      WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? '1',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let announced = false;
  child.once('message', (message) => (announced = message === 'ready'));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    // With workers, /readyz answers once the first listens: wait for the primary's word that all do.
    if (ready && announced) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url: `${base}/graphql`,
    pid: child.pid!,
    /** All the API's processes together. */
    rssMb() {
      let kb = 0;
      for (const pid of processTree(child.pid!)) {
        try {
          kb += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        } catch {
          // a worker that ended while we looked
        }
      }
      return kb ? kb / 1024 : NaN;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    },
  };
}

export async function signIn(
  url: string,
  tenantCode: string,
  username: string,
  password: string,
): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation($input: SignInInput!) { signIn(input: $input) { csrfToken } }`,
      variables: { input: { tenantCode, username, password } },
    }),
  });
  const body = (await res.json()) as { data?: { signIn: { csrfToken: string } }; errors?: unknown };
  if (!body.data) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(body.errors)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.data.signIn.csrfToken };
}

export async function graphql<T = any>(
  url: string,
  session: { cookie: string; csrf: string },
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 400)}`);
  return body.data as T;
}
