// One cluster on loopback ports: etcd, three PostgreSQL 15 nodes under Patroni (synchronous mode),
// HAProxy routing to the primary, PgBouncer in transaction pooling, and the built API processes.
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../apps/api/src/database/embedded-postgres.js';
import {
  haproxyConfig,
  patroniYaml,
  pgbouncerIni,
  pgbouncerUserlist,
  type NodePorts,
  type Secrets,
} from './config-files.js';
import type { FakeClock } from './fake-clock.js';
import { PG_BIN } from './packages.js';
import { Managed, postmasterGroup, ProcessSet, type RunAs } from './processes.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PgNode extends NodePorts {
  patroni: Managed;
}

export interface Member {
  name: string;
  role: string;
  state: string;
  lag?: number | string;
}

export interface ApiProcess {
  name: string;
  port: number;
  base: string;
  proc: Managed;
}

export interface ClusterOptions {
  dir: string;
  repoRoot: string;
  fakeClock?: FakeClock | null;
  log: (line: string) => void;
}

/** The `postgres` system user (Debian's postgresql-common creates it) when the harness runs as root. */
function serviceUser(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line)
    throw new Error(
      'running as root, but there is no "postgres" system user to run PostgreSQL, Patroni and PgBouncer as',
    );
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export class Cluster {
  readonly procs: ProcessSet;
  readonly runAs: RunAs | null;
  readonly secrets: Secrets = { superuser: hex(), replication: hex(), app: hex() };
  /** What every API process of a deployment shares: the audit chain's key and the field keys. */
  private readonly appKeys = {
    audit: randomBytes(32).toString('hex'),
    field: `cluster:${randomBytes(32).toString('hex')}`,
  };
  etcd: Managed | null = null;
  etcdPorts = { client: 0, peer: 0 };
  nodes: PgNode[] = [];
  haproxy: Managed | null = null;
  haproxyPort = 0;
  pgbouncer: Managed | null = null;
  pgbouncerPort = 0;
  apis: ApiProcess[] = [];

  constructor(readonly options: ClusterOptions) {
    mkdirSync(path.join(options.dir, 'logs'), { recursive: true });
    this.runAs = serviceUser();
    this.procs = new ProcessSet(options.dir);
    this.own(options.dir);
    this.own(path.join(options.dir, 'logs'));
  }

  private own(dir: string, mode = 0o755) {
    chmodSync(dir, mode);
    if (this.runAs) chownSync(dir, this.runAs.uid, this.runAs.gid);
  }

  private mkdir(...parts: string[]): string {
    const dir = path.join(this.options.dir, ...parts);
    mkdirSync(dir, { recursive: true });
    this.own(dir, 0o700);
    return dir;
  }

  private write(file: string, content: string, mode = 0o600) {
    writeFileSync(file, content, { mode });
    if (this.runAs) chownSync(file, this.runAs.uid, this.runAs.gid);
  }

  /** URL through PgBouncer: what the API processes use. */
  get appUrl(): string {
    return `postgres://duban:${this.secrets.app}@127.0.0.1:${this.pgbouncerPort}/duban`;
  }

  /** The app's database straight through HAProxy (the primary), for seeding and checking. */
  get directUrl(): string {
    return `postgres://duban:${this.secrets.app}@127.0.0.1:${this.haproxyPort}/duban`;
  }

  get adminUrl(): string {
    return `postgres://postgres:${this.secrets.superuser}@127.0.0.1:${this.haproxyPort}/postgres`;
  }

  // ---- etcd --------------------------------------------------------------------------------------

  async startEtcd(): Promise<void> {
    if (!this.etcdPorts.client) this.etcdPorts = { client: await freePort(), peer: await freePort() };
    const data = path.join(this.options.dir, 'etcd');
    const { client, peer } = this.etcdPorts;
    this.etcd = this.procs.start(
      'etcd',
      '/usr/bin/etcd',
      [
        '--name',
        'etcd1',
        '--data-dir',
        data,
        '--listen-client-urls',
        `http://127.0.0.1:${client}`,
        '--advertise-client-urls',
        `http://127.0.0.1:${client}`,
        '--listen-peer-urls',
        `http://127.0.0.1:${peer}`,
        '--initial-advertise-peer-urls',
        `http://127.0.0.1:${peer}`,
        '--initial-cluster',
        `etcd1=http://127.0.0.1:${peer}`,
        '--initial-cluster-state',
        'new',
        '--listen-metrics-urls',
        '',
        // Patroni talks to etcd's v2 API (config-files.ts says why).
        '--enable-v2=true',
        '--logger',
        'zap',
        '--log-outputs',
        'stderr',
      ],
      { env: { PATH: process.env.PATH, ETCD_UNSUPPORTED_ARCH: process.arch === 'x64' ? undefined : process.arch } },
    );
    await this.until(
      'etcd answers',
      30_000,
      async () => (await fetchOk(`http://127.0.0.1:${client}/health`)) !== null,
      this.etcd,
    );
  }

  // ---- Patroni + PostgreSQL ----------------------------------------------------------------------

  /** The bin_dir Patroni uses: Debian's PostgreSQL 15, with `postgres` wrapped in libfaketime when the clock is faked. */
  private binDir(): string {
    const clock = this.options.fakeClock;
    if (!clock) return PG_BIN;
    const dir = this.mkdir('pg-bin');
    for (const file of readdirSync(PG_BIN)) {
      if (file !== 'postgres') symlinkSync(path.join(PG_BIN, file), path.join(dir, file));
    }
    const env = Object.entries(clock.env())
      .map(([k, v]) => `export ${k}='${v}'`)
      .join('\n');
    this.write(path.join(dir, 'postgres'), `#!/bin/sh\n${env}\nexec ${PG_BIN}/postgres "$@"\n`, 0o755);
    return dir;
  }

  async startPatroni(count = 3): Promise<void> {
    const binDir = this.binDir();
    for (let i = 1; i <= count; i++) {
      const name = `pg${i}`;
      const dir = this.mkdir(name);
      const node: NodePorts = {
        name,
        pg: await freePort(),
        rest: await freePort(),
        dir,
        dataDir: path.join(dir, 'data'),
      };
      const config = path.join(dir, 'patroni.yml');
      this.write(config, patroniYaml(node, this.etcdPorts.client, this.secrets, binDir));
      this.nodes.push({ ...node, patroni: this.startPatroniProcess(node, config) });
      // The first node initialises the cluster; the others clone it once it leads.
      if (i === 1)
        await this.until(
          'the first PostgreSQL node leads',
          90_000,
          async () => (await this.leader()) !== null,
          this.nodes[0].patroni,
        );
    }
    await this.waitHealthy(120_000);
  }

  private startPatroniProcess(node: NodePorts, config: string): Managed {
    return this.procs.start(`patroni-${node.name}`, '/usr/bin/patroni', [config], {
      runAs: this.runAs,
      cwd: node.dir,
      env: {
        PATH: `${PG_BIN}:/usr/bin:/bin`,
        HOME: node.dir,
        LANG: 'C.UTF-8',
        LC_ALL: 'C.UTF-8',
        PYTHONUNBUFFERED: '1',
      },
    });
  }

  /** Restarts a node's Patroni (after a kill), as a host coming back would. */
  restartPatroni(node: PgNode): void {
    node.patroni = this.startPatroniProcess(node, path.join(node.dir, 'patroni.yml'));
  }

  /** Patroni's view of the cluster, from the first REST API that answers. */
  async members(): Promise<Member[] | null> {
    for (const node of this.nodes) {
      if (!node.patroni.running) continue;
      const body = await fetchOk(`http://127.0.0.1:${node.rest}/cluster`, 1500);
      if (body) return (JSON.parse(body) as { members: Member[] }).members;
    }
    return null;
  }

  async leader(): Promise<PgNode | null> {
    const members = await this.members();
    const leader = members?.find((m) => m.role === 'leader' && m.state === 'running');
    return (leader && this.nodes.find((n) => n.name === leader.name)) ?? null;
  }

  async syncStandby(): Promise<PgNode | null> {
    const members = await this.members();
    const sync = members?.find((m) => m.role === 'sync_standby');
    return (sync && this.nodes.find((n) => n.name === sync.name)) ?? null;
  }

  /** A leader, a synchronous standby, and every member running. */
  async waitHealthy(timeoutMs: number): Promise<void> {
    await this.until(
      'the cluster has a leader, a synchronous standby and every member running',
      timeoutMs,
      async () => {
        const members = await this.members();
        if (!members || members.length < this.nodes.length) return false;
        return (
          members.some((m) => m.role === 'leader') &&
          members.some((m) => m.role === 'sync_standby') &&
          members.every((m) => m.state === 'running' || m.state === 'streaming')
        );
      },
    );
  }

  /** Registers the postmasters (Patroni starts them in sessions of their own) so teardown can kill them. */
  adoptPostmasters(): void {
    for (const node of this.nodes) this.postmaster(node);
  }

  /** The process group of the node's postmaster and backends (what a fault signals), adopted for teardown. */
  postmaster(node: PgNode): number | null {
    const pgid = postmasterGroup(node.dataDir);
    if (pgid) this.procs.adopt(pgid);
    return pgid;
  }

  // ---- HAProxy and PgBouncer ---------------------------------------------------------------------

  async startHaproxy(): Promise<void> {
    this.haproxyPort = await freePort();
    const dir = this.mkdir('haproxy');
    const config = path.join(dir, 'haproxy.cfg');
    this.write(config, haproxyConfig(this.haproxyPort, this.nodes));
    this.haproxy = this.procs.start('haproxy', '/usr/sbin/haproxy', ['-db', '-f', config], {
      runAs: this.runAs,
      env: { PATH: process.env.PATH },
    });
    // HAProxy counts a server as up until its first checks fail: wait until consecutive connections
    // all land on the primary.
    let primaryInARow = 0;
    await this.until(
      'HAProxy routes only to the primary',
      30_000,
      async () => {
        const [row] = await this.query<{ standby: boolean }>(
          this.adminUrl,
          'SELECT pg_is_in_recovery() AS standby',
        ).catch(() => [{ standby: true }]);
        primaryInARow = row.standby ? 0 : primaryInARow + 1;
        return primaryInARow >= 6;
      },
      this.haproxy,
    );
  }

  /** The app's role and database, created on the primary as a deployment's DBA would. */
  async createAppDatabase(): Promise<void> {
    const client = new pg.Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      await client.query(`CREATE ROLE duban LOGIN PASSWORD '${this.secrets.app}'`);
      await client.query(`CREATE DATABASE duban OWNER duban`);
      // The row-level-security role the app switches to (README, "Using an external PostgreSQL").
      await client.query(`CREATE ROLE duban_tenant NOLOGIN`);
      await client.query(`GRANT duban_tenant TO duban`);
    } finally {
      await client.end();
    }
  }

  async startPgbouncer(poolSize = 40): Promise<void> {
    this.pgbouncerPort = await freePort();
    const dir = this.mkdir('pgbouncer');
    this.write(path.join(dir, 'userlist.txt'), pgbouncerUserlist('duban', this.secrets.app));
    const config = path.join(dir, 'pgbouncer.ini');
    this.write(config, pgbouncerIni(this.pgbouncerPort, this.haproxyPort, dir, poolSize));
    this.pgbouncer = this.procs.start('pgbouncer', '/usr/sbin/pgbouncer', [config], {
      runAs: this.runAs,
      env: { PATH: process.env.PATH },
    });
    await this.until(
      'PgBouncer reaches the database',
      30_000,
      async () =>
        this.query(this.appUrl, 'SELECT 1').then(
          () => true,
          () => false,
        ),
      this.pgbouncer,
    );
  }

  /** etcd, Patroni × 3, HAProxy, the app database, PgBouncer. */
  async startInfrastructure(): Promise<void> {
    const t0 = Date.now();
    await this.startEtcd();
    await this.startPatroni(3);
    this.adoptPostmasters();
    await this.startHaproxy();
    await this.createAppDatabase();
    await this.startPgbouncer();
    this.options.log(
      `cluster up in ${((Date.now() - t0) / 1000).toFixed(0)} s (etcd, 3 × Patroni/PostgreSQL 15, HAProxy, PgBouncer)`,
    );
  }

  // ---- API processes -----------------------------------------------------------------------------

  /** Starts one built API process (NODE_ENV=production, DATABASE_URL through PgBouncer); does not wait. */
  async spawnApi(name: string, port?: number): Promise<ApiProcess> {
    port ??= await freePort();
    const clock = this.options.fakeClock;
    const proc = this.procs.start(name, process.execPath, ['--max-old-space-size=384', 'dist/api/main.js'], {
      cwd: this.options.repoRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LANG: process.env.LANG,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        WEB_DIST: 'off',
        // Requests through PgBouncer; migrations straight to the primary through HAProxy, as the README asks.
        DATABASE_URL: this.appUrl,
        DATABASE_DIRECT_URL: this.directUrl,
        DATA_DIR: path.join(this.options.dir, 'api-data'),
        AUDIT_HMAC_KEY: this.appKeys.audit,
        FIELD_KEYS: this.appKeys.field,
        // One worker per API process: the harness runs the several processes a deployment would itself.
        WEB_CONCURRENCY: '1',
        SEED_DEMO: 'false',
        JOBS_ENABLED: 'true',
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        DATABASE_POOL_SIZE: '10',
        ...(clock ? clock.env() : {}),
      },
    });
    const api = { name, port, base: `http://127.0.0.1:${port}`, proc };
    const index = this.apis.findIndex((a) => a.name === name);
    if (index >= 0) this.apis[index] = api;
    else this.apis.push(api);
    return api;
  }

  async waitReady(api: ApiProcess, timeoutMs = 120_000): Promise<void> {
    await this.until(
      `${api.name} answers /readyz`,
      timeoutMs,
      async () => (await fetchStatus(`${api.base}/readyz`, 2000)) === 200,
      api.proc,
    );
  }

  async startApi(name: string): Promise<ApiProcess> {
    const api = await this.spawnApi(name);
    await this.waitReady(api);
    return api;
  }

  // ---- helpers -----------------------------------------------------------------------------------

  async query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000, query_timeout: 10_000 });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /** Polls `check` until it holds; fails with `what` after the timeout, or at once when `proc` has exited. */
  async until(what: string, timeoutMs: number, check: () => Promise<boolean>, proc?: Managed | null): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await check().catch(() => false)) return;
      if (proc && !proc.running) {
        throw new Error(
          `${what}: ${proc.name} exited (${proc.exit?.code ?? proc.exit?.signal}); last log lines:\n${tail(proc.log(), 15)}`,
        );
      }
      if (Date.now() > deadline)
        throw new Error(
          `${what}: not after ${timeoutMs / 1000} s${proc ? `; last log lines of ${proc.name}:\n${tail(proc.log(), 15)}` : ''}`,
        );
      await sleep(500);
    }
  }

  /** Stops everything: API processes first, then PgBouncer and HAProxy, Patroni (which stops PostgreSQL), etcd last. */
  async teardown(): Promise<void> {
    this.adoptPostmasters();
    const order = [
      this.apis.map((a) => a.proc),
      [this.pgbouncer, this.haproxy].filter((m): m is Managed => m !== null),
      this.nodes.map((n) => n.patroni),
      [this.etcd].filter((m): m is Managed => m !== null),
    ];
    await this.procs.teardown(order, 15_000);
  }
}

function hex(): string {
  return randomBytes(12).toString('hex');
}

export function tail(text: string, lines: number): string {
  return text
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((l) => `    ${l.slice(0, 300)}`)
    .join('\n');
}

async function fetchOk(url: string, timeoutMs = 2000): Promise<string | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}

export async function fetchStatus(url: string, timeoutMs: number): Promise<number | 'timeout' | 'refused' | 'error'> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
    if (e.cause?.code === 'ECONNREFUSED') return 'refused';
    return 'error';
  }
}
