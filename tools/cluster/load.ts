// A bounded load generator: the seeded tenant's liaisons report progress and its office urges, through
// the GraphQL API as the web app would, each write carrying a key as its idempotency key and in its
// text. A failed write is retried with the same key (as the web app does when a person presses the
// button again) until acknowledged, so a duplicate row counts against the app; every attempt and every
// acknowledgement is logged. A refused connection goes to the next API process, as a load balancer would.
import { appendFileSync } from 'node:fs';
import { fetchStatus, type ApiProcess } from './cluster.js';
import type { Actor, SeededTenant } from './seed.js';

export interface Attempt {
  key: string;
  api: string;
  start: number;
  end: number;
  ok: boolean;
  error?: string;
}

export interface Ack {
  key: string;
  api: string;
  at: number;
}

export interface Probe {
  api: string;
  start: number;
  end: number;
  status: number | 'timeout' | 'refused' | 'error';
}

export interface LoadOptions {
  /** Pause between one actor's writes. */
  thinkMs: number;
  requestTimeoutMs: number;
  /** Hard bounds, whatever the scenario does. */
  maxWrites: number;
  maxDurationMs: number;
  logFile: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Session {
  cookie: string;
  csrf: string;
}

type Outcome = { ok: true } | { ok: false; error: string; refused?: boolean; unauthenticated?: boolean };

export class LoadGenerator {
  readonly attempts: Attempt[] = [];
  readonly acks: Ack[] = [];
  /** Keys whose write was started (acknowledged or not). */
  readonly keys = new Set<string>();
  readonly inflight = new Map<string, number>();
  private running = false;
  private loops: Promise<void>[] = [];
  private next = 0;
  private writes = 0;
  /** Keys are 16–100 letters, digits, `-` or `_`: the app's idempotency key. */
  private readonly runId = `cluster-${Date.now().toString(36)}`;

  constructor(
    private readonly endpoints: () => ApiProcess[],
    private readonly tenant: SeededTenant,
    private readonly options: LoadOptions,
  ) {}

  start(): void {
    this.running = true;
    const deadline = Date.now() + this.options.maxDurationMs;
    this.loops = this.tenant.actors.map((actor, i) => this.actorLoop(actor, i, deadline));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private active(deadline: number): boolean {
    return this.running && Date.now() < deadline && this.writes < this.options.maxWrites;
  }

  private async actorLoop(actor: Actor, index: number, deadline: number): Promise<void> {
    let session: Session | null = null;
    let n = 0;
    await sleep(index * 97);
    while (this.active(deadline)) {
      const key = `${this.runId}-${actor.username.replace(/[^A-Za-z0-9_-]/g, '_')}-${++n}`;
      const taskId = actor.taskIds[n % actor.taskIds.length];
      this.keys.add(key);
      this.writes++;
      // Retry the same write until it is acknowledged, as long as the load runs.
      for (;;) {
        if (!session) {
          session = await this.signIn(actor).catch(() => null);
          if (!session) {
            if (!this.active(deadline)) break;
            await sleep(1000);
            continue;
          }
        }
        const outcome = await this.write(actor, session, key, taskId, n);
        if (outcome.ok) break;
        if (outcome.unauthenticated) session = null;
        if (!this.active(deadline)) break;
        await sleep(1000);
      }
      await sleep(this.options.thinkMs);
    }
  }

  /** Picks the next API process in turn; a refused connection moves on to the next one. */
  private async send(
    path: string,
    init: RequestInit,
    onApi?: (api: ApiProcess) => void,
  ): Promise<{ api: ApiProcess; res: Response } | { api: ApiProcess | null; error: string; refused: boolean }> {
    const apis = this.endpoints();
    let last: ApiProcess | null = null;
    for (let i = 0; i < apis.length; i++) {
      const api = apis[this.next++ % apis.length];
      last = api;
      onApi?.(api);
      try {
        const res = await fetch(`${api.base}${path}`, {
          ...init,
          signal: AbortSignal.timeout(this.options.requestTimeoutMs),
        });
        return { api, res };
      } catch (error) {
        const e = error as Error & { cause?: { code?: string } };
        if (e.cause?.code === 'ECONNREFUSED') continue;
        return {
          api,
          error:
            e.name === 'TimeoutError'
              ? `timeout after ${this.options.requestTimeoutMs / 1000} s`
              : (e.cause?.code ?? e.message),
          refused: false,
        };
      }
    }
    return { api: last, error: 'every API process refused the connection', refused: true };
  }

  private async signIn(actor: Actor): Promise<Session> {
    const result = await this.send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation($input: SignInInput!) { signIn(input: $input) { csrfToken } }`,
        variables: {
          input: { tenantCode: this.tenant.code, username: actor.username, password: this.tenant.password },
        },
      }),
    });
    if (!('res' in result)) throw new Error(result.error);
    const body = (await result.res.json()) as { data?: { signIn: { csrfToken: string } } };
    if (!body.data) throw new Error('sign-in refused');
    return {
      cookie: result.res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
      csrf: body.data.signIn.csrfToken,
    };
  }

  private async write(actor: Actor, session: Session, key: string, taskId: string, n: number): Promise<Outcome> {
    const [query, variables, field] =
      actor.kind === 'liaison'
        ? [
            `mutation($taskId: ID!, $input: SubmitReportInput!, $key: String) { submitReport(taskId: $taskId, input: $input, idempotencyKey: $key) { id } }`,
            {
              taskId,
              key,
              input: {
                text: `集群演练：本周进展已报送 key=${key}`,
                progress: 5 + (n % 90),
                claimsCompletion: false,
                evidenceUrls: [],
                fileIds: [],
              },
            },
            'submitReport',
          ]
        : [
            `mutation($taskId: ID!, $message: String!, $key: String) { urgeTask(taskId: $taskId, message: $message, idempotencyKey: $key) { id } }`,
            { taskId, key, message: `请加快推进 key=${key}` },
            'urgeTask',
          ];
    const start = Date.now();
    let apiName = '';
    const result = await this.send(
      '/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: JSON.stringify({ query, variables }),
      },
      (api) => {
        if (apiName) this.inflight.set(apiName, (this.inflight.get(apiName) ?? 1) - 1);
        apiName = api.name;
        this.inflight.set(apiName, (this.inflight.get(apiName) ?? 0) + 1);
      },
    );
    if (apiName) this.inflight.set(apiName, (this.inflight.get(apiName) ?? 1) - 1);
    let outcome: Outcome;
    if ('res' in result) {
      const body = (await result.res.json().catch(() => null)) as {
        data?: Record<string, { id: string } | null>;
        errors?: { message: string; extensions?: { code?: string } }[];
      } | null;
      if (body?.data?.[field]?.id) outcome = { ok: true };
      else {
        const first = body?.errors?.[0];
        const code = first?.extensions?.code;
        outcome = {
          ok: false,
          error: first ? `${code ?? 'ERROR'} ${first.message}` : `HTTP ${result.res.status}`,
          unauthenticated: code === 'UNAUTHENTICATED',
        };
      }
    } else outcome = { ok: false, error: result.error, refused: result.refused };
    const end = Date.now();
    this.attempts.push({
      key,
      api: apiName,
      start,
      end,
      ok: outcome.ok,
      ...(outcome.ok ? {} : { error: outcome.error }),
    });
    if (outcome.ok) {
      this.acks.push({ key, api: apiName, at: end });
      appendFileSync(
        this.options.logFile,
        `${JSON.stringify({ key, api: apiName, at: new Date(end).toISOString() })}\n`,
      );
    }
    return outcome;
  }
}

/** Asks every API process's /readyz once a second, as a load balancer would; a probe that does not answer in time counts as not ready. */
export class ReadyzProber {
  readonly probes: Probe[] = [];
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<void>[] = [];

  constructor(
    private readonly endpoints: () => ApiProcess[],
    private readonly timeoutMs = 3000,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      for (const api of this.endpoints()) {
        const start = Date.now();
        this.pending.push(
          fetchStatus(`${api.base}/readyz`, this.timeoutMs).then((status) => {
            this.probes.push({ api: api.name, start, end: Date.now(), status });
          }),
        );
      }
    }, 1000);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.pending);
  }
}
