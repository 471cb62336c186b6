import { spawn, type ChildProcess } from 'node:child_process';
import request from 'supertest';
import { TEST_PASSWORD } from '../../../test/factory.js';

/**
 * The real API as a child process on `url`, answering on `port` once /healthz does. `preload`: modules
 * imported before the app (e.g. apps/api/test/loopback-platforms.ts). `built`: run dist/api/main.js, as
 * production does (the caller builds it), rather than the sources.
 */
export async function startApi(
  url: string,
  port: number,
  env: Record<string, string> = {},
  preload: string[] = [],
  { built = false } = {},
): Promise<ChildProcess> {
  const loader = built ? [] : ['--import', './tools/register-ts.mjs'];
  const entry = built ? 'dist/api/main.js' : 'apps/api/src/main.ts';
  const child = spawn(process.execPath, [...loader, ...preload.flatMap((p) => ['--import', p]), entry], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      WEB_DIST: 'off',
      JOBS_ENABLED: 'false',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`API exited early: ${stderr}`);
    const ok = await request(`http://127.0.0.1:${port}`)
      .get('/healthz')
      .timeout(1000)
      .then(
        (r) => r.status === 200,
        () => false,
      );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`API did not come up: ${stderr}`);
}

/** Kills the process outright and waits until it is gone. */
export async function killApi(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

/** A signed-in agent on the API at `port`, with its CSRF token. */
export async function signInTo(port: number, tenantCode: string, username: string) {
  const agent = request.agent(`http://127.0.0.1:${port}`);
  const res = await agent.post('/graphql').send({
    query: `mutation($input: SignInInput!) { signIn(input: $input) { csrfToken } }`,
    variables: { input: { tenantCode, username, password: TEST_PASSWORD } },
  });
  const csrf: string = res.body.data.signIn.csrfToken;
  return {
    agent,
    csrf,
    gql: (query: string, variables: Record<string, unknown> = {}) =>
      agent.post('/graphql').set('x-csrf-token', csrf).send({ query, variables }),
  };
}
