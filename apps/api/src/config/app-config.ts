import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseFieldKeys } from '../common/crypto/field-cipher.js';
import { parseCidr } from '../common/net/address-policy.js';

/** The typed configuration every part of the API reads; built once at boot from the environment. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** API processes serving the port (node:cluster workers); 1 serves from the process started. */
  webConcurrency: number;
  /** External PostgreSQL; when absent an embedded server is started with its data in `dataDir`. */
  databaseUrl: string | null;
  /**
   * A connection straight to PostgreSQL, not through PgBouncer, for what needs a whole session:
   * migrations, backups and restores. DATABASE_DIRECT_URL, else DATABASE_URL.
   */
  databaseDirectUrl: string | null;
  /**
   * A read-only copy of the database (a streaming standby) for the heavy reads that tolerate a moment's
   * lag (database/read-replica.ts); null: every read goes to the primary.
   */
  databaseReadUrl: string | null;
  /** A replica further behind the primary than this is passed over until it catches up. */
  databaseReadMaxLagMs: number;
  dataDir: string;
  databasePoolSize: number;
  databaseTimeouts: DatabaseTimeouts;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `auto`: readable lines when stdout is a terminal, JSON otherwise. */
  logFormat: 'auto' | 'json' | 'pretty';
  /** Load the demo tenant on start (idempotent). */
  seedDemo: boolean;
  /** Serve the built web app from this folder; null disables it. */
  webDist: string | null;
  sessionTtlHours: number;
  /** A session unused this long ends, for tenants without their own 安全策略 (SecurityPolicyService.defaults). */
  sessionIdleMinutes: number;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* and mark cookies Secure. */
  trustProxy: boolean;
  /**
   * The AES key two-factor secrets were sealed with before SM4 (32 bytes; null = the built-in development
   * key): read once by the migration that re-encrypts them under FIELD_KEYS, then no longer needed.
   */
  totpSecretKey: Buffer | null;
  maxUploadBytes: number;
  smtpUrl: string | null;
  mailFrom: string;
  /** Run the scheduled jobs (pg-boss) and the message outbox worker in this process. */
  jobsEnabled: boolean;
  /**
   * Run the web's everyday reads, when computed afresh, as code compiled per document (graphql-jit)
   * rather than by graphql-js (COMPILED_READS, on by default; off to compare or to rule it out).
   */
  compiledReads: boolean;
  /**
   * Private networks (CIDRs) evidence pages may be fetched from, e.g. a government intranet this
   * deployment reaches. Loopback, link-local and cloud metadata addresses stay refused whatever is listed.
   */
  evidenceAllowedNetworks: string[];
  isolation: IsolationLimits;
  /** How often an idle outbox worker looks for messages to send. */
  outboxPollMs: number;
  /** How long a worker may take to send a claimed message before another process takes it over. */
  outboxLeaseSeconds: number;
  /** The web app's address as people open it, for links in messages; null leaves links out. */
  publicUrl: string | null;
  /** 企业微信 / 政务微信 server API (application messages); a private deployment has its own. */
  wecomApiBase: string;
  /** 钉钉 / 浙政钉-compatible open platform API (work notifications). */
  dingtalkApiBase: string;
  /**
   * Origins beyond the 钉钉 and 企业微信 robot hosts that group-robot webhooks may point at (a private
   * 政务微信 deployment, say). Operator-set, so these may be at private addresses inside
   * evidenceAllowedNetworks (never loopback or metadata); robots elsewhere are refused.
   */
  messageExtraOrigins: string[];
  /** Requests per minute one client address may make to the public pages (/gk) of this process. */
  publicPageRatePerMinute: number;
  /** How long a process answers a public page from what it last read before asking the database again (0 = every request). */
  publicPageFreshMs: number;
  /**
   * How many past days the daily supervision looks back for a tenant-day it missed (a failover or a
   * stopped server at 07:30); 0 turns the catch-up off and each run does its own day only.
   */
  supervisionCatchUpDays: number;
  backup: BackupConfig;
  /**
   * The HMAC-SM3 key that chains the audit log (AUDIT_HMAC_KEY); every API process and the CLI must
   * share it. Null: the one made in DATA_DIR (one machine only; the API warns at start in production).
   */
  auditHmacKey: string | null;
  /**
   * Keys that encrypt secrets at rest with SM4 (FIELD_KEYS: `id:secret,…`, the newest last). Null: one
   * made in DATA_DIR (id `dev`).
   */
  fieldKeys: string | null;
  /**
   * The HMAC-SM3 key of the blind index by which people are found by phone or e-mail without
   * decrypting them (BLIND_INDEX_KEY). Null: one made in DATA_DIR. Changed together with a new FIELD_KEYS
   * key, then `secrets rekey`.
   */
  blindIndexKey: string | null;
  /** How new password hashes are made (PASSWORD_HASH); a hash of the other kind is upgraded at sign-in. */
  passwordHash: 'argon2id' | 'pbkdf2-sm3';
}

/** The nightly backup of a Duban on one machine (modules/backup). */
export interface BackupConfig {
  /** Take one at 02:30 Shanghai; on by default with the embedded database. */
  nightly: boolean;
  dir: string;
  /** How many of the newest backups stay; older ones are deleted after each backup. */
  keep: number;
}

/**
 * How long the app waits on the database before giving up, so a frozen or failing-over server fails
 * requests fast instead of holding every pool slot (README, "Operations").
 */
export interface DatabaseTimeouts {
  /** Server-side: one statement inside a transaction runs at most this long (`statement_timeout`). */
  statementMs: number;
  /** Server-side: waiting for a row or table lock inside a transaction (`lock_timeout`). */
  lockMs: number;
  /** Server-side: a transaction left idle this long is ended by the server (`idle_in_transaction_session_timeout`). */
  idleInTransactionMs: number;
  /** Client-side: any query whose answer does not arrive in time fails and its connection is dropped. */
  queryMs: number;
}

/** The bounds of work done in worker threads on untrusted input (documents, directory files, evidence pages). */
export interface IsolationLimits {
  /** Wall-clock time before the worker is terminated. */
  timeoutMs: number;
  /** V8 old-generation heap of the worker; going over it kills the worker. */
  memoryMb: number;
  /** Workers running at once in this process, all tenants together. */
  concurrency: number;
  /** Tasks of one tenant running at once, so one tenant cannot take every worker. */
  perTenant: number;
  /** Tasks of one tenant waiting at most; beyond that a new one is refused at once. */
  queuePerTenant: number;
  /**
   * Time the text recognition (OCR) of a scanned PDF may take in all, given on top of `timeoutMs` to a
   * PDF's worker; its tesseract processes are killed when it is spent (they live outside the worker).
   */
  ocrTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = str(env, name, fallback);
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

function cidrs(env: Env, name: string): string[] {
  const list = str(env, name, '')
    .split(/[\s,]+/)
    .filter(Boolean);
  for (const cidr of list) {
    try {
      parseCidr(cidr);
    } catch (error) {
      throw new ConfigError(name, (error as Error).message);
    }
  }
  return list;
}

function origins(env: Env, name: string): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  return raw.split(',').map((part) => {
    let parsed: URL;
    try {
      parsed = new URL(part.trim());
    } catch {
      throw new ConfigError(name, `has "${part.trim()}", which is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new ConfigError(name, 'must list http:// or https:// origins');
    return parsed.origin;
  });
}

/** 32 bytes given as base64 (`openssl rand -base64 32`) or 64 hex digits. */
function key32(env: Env, name: string): Buffer | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  const bytes = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (bytes.length !== 32)
    throw new ConfigError(name, 'must be 32 bytes, as base64 (openssl rand -base64 32) or 64 hex digits');
  return bytes;
}

function origin(env: Env, name: string, fallback: string): string {
  return url(env, name, ['http:', 'https:'])?.replace(/\/+$/, '') ?? fallback;
}

const FAILOVER_IN_FRONT =
  "failover is routed in front of the app: point it at one address that always reaches the primary (HAProxy on Patroni's /primary check, or a virtual IP)";

/**
 * DATABASE_URL, which must name one server: pg (unlike libpq) reads one host, so a host list or
 * `target_session_attrs` would be silently ignored and the app would stay on whichever node came first.
 */
function databaseUrl(env: Env, name = 'DATABASE_URL'): string | null {
  const raw = env[name]?.trim() ?? '';
  const authority = /^[a-z]+:\/\/([^/?#]*)/i.exec(raw)?.[1] ?? '';
  if (authority.slice(authority.lastIndexOf('@') + 1).includes(',') || /[?&]host=[^&]*,/.test(raw)) {
    throw new ConfigError(name, `lists several hosts, which Duban does not read; ${FAILOVER_IN_FRONT}`);
  }
  if (/[?&]target_session_attrs=/.test(raw)) {
    throw new ConfigError(name, `has target_session_attrs, which Duban does not read; ${FAILOVER_IN_FRONT}`);
  }
  return url(env, name, ['postgres:', 'postgresql:']);
}

function databaseTimeouts(env: Env): DatabaseTimeouts {
  const statementMs = int(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 30_000, 100, 3_600_000);
  const queryMs = int(env, 'DATABASE_QUERY_TIMEOUT_MS', statementMs + 5000, 100, 3_600_000);
  // The client's bound must leave the server time to cancel the statement and say so itself.
  if (queryMs <= statementMs)
    throw new ConfigError(
      'DATABASE_QUERY_TIMEOUT_MS',
      `must be longer than DATABASE_STATEMENT_TIMEOUT_MS (${statementMs})`,
    );
  return {
    statementMs,
    lockMs: int(env, 'DATABASE_LOCK_TIMEOUT_MS', 5000, 100, 3_600_000),
    idleInTransactionMs: int(env, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000, 1000, 3_600_000),
    queryMs,
  };
}

/** Validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', 'development', ['development', 'production', 'test'] as const);
  const webDistRaw = str(env, 'WEB_DIST', path.join(cwd, 'dist', 'web'));
  const seedDemo = bool(env, 'SEED_DEMO', nodeEnv !== 'production');
  if (seedDemo && nodeEnv === 'production') {
    throw new ConfigError('SEED_DEMO', 'must not be true in production: the demo tenant has a published password');
  }
  return {
    nodeEnv,
    port: int(env, 'PORT', 3000, 0, 65535),
    host: str(env, 'HOST', '0.0.0.0'),
    // One core per process: production uses them all, development and tests keep one process to debug.
    webConcurrency: int(env, 'WEB_CONCURRENCY', nodeEnv === 'production' ? availableParallelism() : 1, 1, 256),
    databaseUrl: databaseUrl(env),
    databaseDirectUrl: databaseUrl(env, 'DATABASE_DIRECT_URL') ?? databaseUrl(env),
    databaseReadUrl: databaseUrl(env, 'DATABASE_READ_URL'),
    databaseReadMaxLagMs: int(env, 'DATABASE_READ_MAX_LAG_SECONDS', 5, 1, 3600) * 1000,
    dataDir: path.resolve(cwd, str(env, 'DATA_DIR', './.data')),
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1, 500),
    databaseTimeouts: databaseTimeouts(env),
    logLevel: oneOf(env, 'LOG_LEVEL', nodeEnv === 'test' ? 'warn' : 'info', [
      'fatal',
      'error',
      'warn',
      'info',
      'debug',
      'trace',
      'silent',
    ] as const),
    logFormat: oneOf(env, 'LOG_FORMAT', 'auto', ['auto', 'json', 'pretty'] as const),
    seedDemo,
    webDist: webDistRaw === 'off' ? null : path.resolve(cwd, webDistRaw),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, 5, 24 * 60),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    totpSecretKey: key32(env, 'TOTP_SECRET_KEY'),
    maxUploadBytes: int(env, 'MAX_UPLOAD_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: str(env, 'MAIL_FROM', 'Duban <duban@localhost>'),
    jobsEnabled: bool(env, 'JOBS_ENABLED', true),
    compiledReads: bool(env, 'COMPILED_READS', true),
    evidenceAllowedNetworks: cidrs(env, 'EVIDENCE_ALLOWED_NETWORKS'),
    isolation: {
      timeoutMs: int(env, 'WORKER_TIMEOUT_SECONDS', 30, 1, 600) * 1000,
      memoryMb: int(env, 'WORKER_MEMORY_MB', 256, 32, 4096),
      concurrency: int(env, 'WORKER_CONCURRENCY', 2, 1, 64),
      perTenant: 1,
      queuePerTenant: 10,
      ocrTimeoutMs: int(env, 'OCR_TIMEOUT_SECONDS', 120, 1, 1800) * 1000,
    },
    outboxPollMs: int(env, 'OUTBOX_POLL_MS', 2000, 50, 60_000),
    outboxLeaseSeconds: int(env, 'OUTBOX_LEASE_SECONDS', 120, 5, 3600),
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:'])?.replace(/\/+$/, '') ?? null,
    wecomApiBase: origin(env, 'WECOM_API_BASE', 'https://qyapi.weixin.qq.com'),
    dingtalkApiBase: origin(env, 'DINGTALK_API_BASE', 'https://oapi.dingtalk.com'),
    publicPageRatePerMinute: int(env, 'PUBLIC_PAGE_RATE_PER_MINUTE', 600, 1, 10_000_000),
    publicPageFreshMs: int(env, 'PUBLIC_PAGE_FRESH_SECONDS', 2, 0, 60) * 1000,
    messageExtraOrigins: origins(env, 'MESSAGE_EXTRA_ORIGINS'),
    // Off in tests by default: a test's app must not run the real calendar's days on its own.
    supervisionCatchUpDays: int(env, 'SUPERVISION_CATCH_UP_DAYS', nodeEnv === 'test' ? 0 : 7, 0, 31),
    backup: {
      nightly: bool(env, 'BACKUP_NIGHTLY', !databaseUrl(env) && nodeEnv !== 'test'),
      dir: path.resolve(cwd, str(env, 'BACKUP_DIR', path.join(str(env, 'DATA_DIR', './.data'), 'backups'))),
      keep: int(env, 'BACKUP_KEEP', 7, 1, 365),
    },
    auditHmacKey: secretKey(env, 'AUDIT_HMAC_KEY'),
    fieldKeys: fieldKeys(env),
    blindIndexKey: secretKey(env, 'BLIND_INDEX_KEY'),
    passwordHash: oneOf(env, 'PASSWORD_HASH', 'argon2id', ['argon2id', 'pbkdf2-sm3'] as const),
  };
}

function fieldKeys(env: Env): string | null {
  const raw = env.FIELD_KEYS?.trim() ?? '';
  if (!raw) return null;
  try {
    parseFieldKeys(raw);
  } catch (error) {
    throw new ConfigError('FIELD_KEYS', (error as Error).message);
  }
  return raw;
}

/** A key from the environment, long enough to resist guessing (e.g. `openssl rand -base64 32`). */
function secretKey(env: Env, name: string): string | null {
  const raw = env[name]?.trim() ?? '';
  if (!raw) return null;
  if (raw.length < 32) throw new ConfigError(name, `must be at least 32 characters, got ${raw.length}`);
  return raw;
}
