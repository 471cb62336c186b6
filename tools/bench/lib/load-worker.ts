// Runs in its own process so the load generator does not share a CPU thread with what it measures.
// Reads one LoadSpec (JSON) from argv, drives autocannon, prints one LoadResult (JSON) on stdout.
// autocannon ships no type definitions.
// @ts-ignore
import autocannonModule from 'autocannon';
import { percentiles, type LoadResult, type LoadSpec } from './load-types.js';

const spec = JSON.parse(process.argv[2]) as LoadSpec;
const latencies: number[] = [];
let graphqlErrors = 0;
let firstError: string | null = null;
let sent = 0;

const autocannon = autocannonModule as (options: Record<string, unknown>) => any;
const graphqlRequests = {
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  method: 'POST',
  requests: [
    {
      setupRequest: (req: Record<string, unknown>) => {
        const session = spec.sessions[Math.floor(Math.random() * spec.sessions.length)];
        const candidates = spec.operations.filter((o) => !o.roles || o.roles.includes(session.role));
        const op = pickWeighted(candidates);
        return {
          ...req,
          headers: {
            ...spec.headers,
            'content-type': 'application/json',
            cookie: session.cookie,
            'x-csrf-token': session.csrf,
          },
          body: JSON.stringify({
            query: spec.distinctDocuments ? `${op.query}\n# ${++sent}` : op.query,
            variables: { ...op.variables, ...(op.taskOfSession ? { taskId: session.taskId } : {}) },
          }),
        };
      },
      onResponse: (status: number, body: string) => {
        if (status === 200 && body.includes('"errors"')) {
          graphqlErrors++;
          firstError ??= body.slice(0, 300);
        }
      },
    },
  ],
};
const instance = autocannon(
  spec.getPath
    ? {
        url: spec.url + spec.getPath,
        connections: spec.connections,
        duration: spec.seconds,
        method: 'GET',
        headers: spec.getHeaders ?? {},
      }
    : graphqlRequests,
);
instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
  latencies.push(responseTime),
);

function pickWeighted(ops: LoadSpec['operations']) {
  const total = ops.reduce((s, o) => s + (o.weight ?? 1), 0);
  let r = Math.random() * total;
  for (const o of ops) if ((r -= o.weight ?? 1) <= 0) return o;
  return ops[ops.length - 1];
}

instance.on('done', (result: { requests: { total: number }; errors: number; timeouts: number; non2xx: number }) => {
  const out: LoadResult = {
    ...percentiles(latencies),
    requestsPerSecond: result.requests.total / spec.seconds,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    firstError,
  };
  process.stdout.write(JSON.stringify(out));
});
