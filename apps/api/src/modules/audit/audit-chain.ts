import { hmacSm3 } from '../../common/crypto/guomi.js';

/**
 * The audit log's tamper evidence (等保 安全审计). Two MACs under one HMAC-SM3 key:
 *
 * - Written with the business change, in its transaction: each record's `row_mac` covers its content
 *   (everything but its place in the chain). No lock and no shared row: one INSERT, so appends of one
 *   tenant never wait on each other, however long the transaction around them runs.
 * - Sealed shortly after, in short separate transactions (sealPending): under the tenant's chain head,
 *   locked only for the seal, pending records are numbered in id order and each gets
 *   `mac` = HMAC-SM3(key, previous record's MAC + this record's canonical content with its number).
 *
 * Editing, deleting or inserting a sealed record directly in the database breaks the chain at that
 * record; a record inserted directly before its seal has no valid `row_mac` and is sealed without a MAC,
 * which the check reports as such. Without the key nobody can forge either MAC. Row locks live in the
 * transaction, so everything holds behind PgBouncer's transaction pooling and across API processes.
 *
 * Plain functions over a query callback, so the API (TypeORM) and the operator CLI (pg) append, seal and
 * check the same way.
 */
export type SqlRows = (text: string, params?: unknown[]) => Promise<Record<string, any>[]>;

export type AuditResult = 'success' | 'failure';

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  note?: string | null;
  /** Defaults to success; sign-in failures, refused exports and the like say failure. */
  result?: AuditResult;
}

/** Who acted and from where: the subject of the records appended together. */
export interface AuditSubject {
  tenantId: string;
  actorId: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

/** A stored record as the chain sees it. */
export interface ChainedRecord {
  tenantId: string;
  /** The record's number in the chain; null while it waits for its seal. */
  seq: number | null;
  /** Microseconds since the epoch, as PostgreSQL stores `at`. */
  atMicros: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  result: AuditResult;
  ip: string | null;
  userAgent: string | null;
  before: unknown;
  after: unknown;
  note: string | null;
}

const CANONICAL_VERSION = 1;
const USER_AGENT_MAX = 300;

/** JSON as jsonb gives it back: what JSON.stringify keeps, with object keys sorted. */
function canonicalJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return sortKeys(JSON.parse(JSON.stringify(value)));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}

export function canonicalRecord(r: ChainedRecord): string {
  return JSON.stringify([
    CANONICAL_VERSION,
    r.tenantId,
    r.seq,
    r.atMicros,
    r.actorId,
    r.entityType,
    r.entityId,
    r.action,
    r.result,
    r.ip,
    r.userAgent,
    canonicalJson(r.before),
    canonicalJson(r.after),
    r.note,
  ]);
}

export function chainMac(key: string, previousMac: string | null, record: ChainedRecord): string {
  return hmacSm3(key, `${previousMac ?? ''}\n${canonicalRecord(record)}`).toString('hex');
}

/** The MAC a record is written with: its content without its number, apart from any chain MAC. */
export function rowMac(key: string, record: ChainedRecord): string {
  return hmacSm3(key, `row\n${canonicalRecord({ ...record, seq: null })}`).toString('hex');
}

const AT_MICROS = (column: string) => `(extract(epoch from ${column}) * 1000000)::bigint::text`;

const COLUMNS = 13;

/** One record to write: who and from where, and what. */
export interface AuditItem {
  subject: AuditSubject;
  entry: AuditEntry;
}

/**
 * Writes records unsealed (no number, no chain MAC) with their row MAC: one INSERT and no lock, inside
 * the caller's transaction when there is one. `at` is the writer's clock, since the row MAC covers it.
 */
export function appendAudit(
  sql: SqlRows,
  key: string,
  subject: AuditSubject,
  entries: AuditEntry[],
  now = new Date(),
): Promise<void> {
  return appendItems(
    sql,
    key,
    entries.map((entry) => ({ subject, entry })),
    now,
  );
}

/** appendAudit for records of several subjects at once (a batch of reads). */
export async function appendItems(sql: SqlRows, key: string, items: AuditItem[], now = new Date()): Promise<void> {
  if (!items.length) return;
  const atMicros = String(BigInt(now.getTime()) * 1000n);
  const records = items.map(({ subject, entry: e }) => {
    const record: ChainedRecord = {
      tenantId: subject.tenantId,
      seq: null,
      atMicros,
      actorId: subject.actorId,
      entityType: e.entityType,
      entityId: e.entityId,
      action: e.action,
      result: e.result ?? 'success',
      ip: subject.ip ?? null,
      userAgent: subject.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      note: e.note ?? null,
    };
    return { record, mac: rowMac(key, record) };
  });
  // PostgreSQL allows 65535 bind parameters per statement: chunks of 1000 rows stay under it.
  for (let start = 0; start < records.length; start += 1000) {
    const values: unknown[] = [];
    const tuples = records.slice(start, start + 1000).map(({ record: r, mac }, i) => {
      values.push(
        r.tenantId,
        r.actorId,
        r.entityType,
        r.entityId,
        r.action,
        json(r.before),
        json(r.after),
        r.note,
        r.result,
        r.ip,
        r.userAgent,
        mac,
        r.atMicros,
      );
      const p = Array.from({ length: COLUMNS }, (_, k) => `$${i * COLUMNS + k + 1}`);
      return `(${p[0]}, ${p[1]}, ${p[2]}, ${p[3]}, ${p[4]}, ${p[5]}::jsonb, ${p[6]}::jsonb, ${p[7]}, ${p[8]}, ${p[9]}, ${p[10]}, ${p[11]}, timestamptz 'epoch' + ${p[12]}::bigint * interval '1 microsecond')`;
    });
    await sql(
      `INSERT INTO audit_log (tenant_id, actor_id, entity_type, entity_id, action, before, after, note, result, ip, user_agent, row_mac, at)
       VALUES ${tuples.join(', ')}`,
      values,
    );
  }
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export type ChainBreakReason = 'missing' | 'altered' | 'unsealed';

export interface ChainBreak {
  /** The first record number where the chain does not hold. */
  seq: number;
  reason: ChainBreakReason;
  /** The stored record at that number, when there is one. */
  id: string | null;
  at: Date | null;
}

export interface ChainCheck {
  ok: boolean;
  /** Records whose MAC was recomputed and matched. */
  verified: number;
  /** Records kept from before the chain began (no MAC to check). */
  unchained: number;
  /** Records up to this number were archived and removed; the chain is checked from there. */
  archivedThrough: number;
  lastSeq: number;
  /** Records written but not sealed yet (their transaction committed after the last seal). */
  pending: number;
  firstBreak: ChainBreak | null;
}

// `seq` comes back as text (a bigint); queries order by `audit_log.seq`, the column, not this alias.
const RECORD_COLUMNS = `id::text AS id, tenant_id, seq::text AS seq, at, ${AT_MICROS('at')} AS at_us, actor_id, entity_type, entity_id,
  action, result, ip, user_agent, before, after, note, mac`;

export function storedRecord(row: Record<string, any>): ChainedRecord {
  return {
    tenantId: row.tenant_id,
    seq: row.seq == null ? null : Number(row.seq),
    atMicros: row.at_us,
    actorId: row.actor_id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    action: row.action,
    result: row.result,
    ip: row.ip,
    userAgent: row.user_agent,
    before: row.before,
    after: row.after,
    note: row.note,
  };
}

/** The columns a stored record is read with, for the archive that must be checkable on its own. */
export const AUDIT_RECORD_COLUMNS = RECORD_COLUMNS;

/**
 * Walks the tenant's chain from its start (or the last archive boundary) to its head. Run it in one
 * snapshot (REPEATABLE READ), so a seal committing meanwhile is either wholly seen or not at all.
 */
export async function verifyChain(sql: SqlRows, key: string, tenantId: string, batch = 2000): Promise<ChainCheck> {
  const [head] = await sql(
    `SELECT seq::text AS seq, mac, chained_from::text AS chained_from, archived_through::text AS archived_through, archived_mac
       FROM audit_chain WHERE tenant_id = $1`,
    [tenantId],
  );
  const [{ unchained, pending }] = await sql(
    `SELECT count(*) FILTER (WHERE seq <= coalesce((SELECT chained_from FROM audit_chain WHERE tenant_id = $1), 0))::int AS unchained,
            count(*) FILTER (WHERE seq IS NULL)::int AS pending
       FROM audit_log WHERE tenant_id = $1`,
    [tenantId],
  );
  const chainedFrom = Number(head?.chained_from ?? 0);
  const archivedThrough = Number(head?.archived_through ?? 0);
  const lastSeq = Number(head?.seq ?? 0);
  let previous: string | null = archivedThrough > chainedFrom ? head.archived_mac : null;
  let expected = Math.max(chainedFrom, archivedThrough) + 1;
  let verified = 0;
  const result = (firstBreak: ChainBreak | null): ChainCheck => ({
    ok: !firstBreak,
    verified,
    unchained,
    archivedThrough,
    lastSeq,
    pending,
    firstBreak,
  });
  for (;;) {
    const page = await sql(
      `SELECT ${RECORD_COLUMNS} FROM audit_log WHERE tenant_id = $1 AND seq >= $2 ORDER BY audit_log.seq LIMIT $3`,
      [tenantId, expected, batch],
    );
    for (const row of page) {
      const record = storedRecord(row);
      if (record.seq !== expected) return result({ seq: expected, reason: 'missing', id: null, at: null });
      const at = row.at as Date;
      if (!row.mac) return result({ seq: expected, reason: 'unsealed', id: row.id, at });
      if (chainMac(key, previous, record) !== row.mac)
        return result({ seq: expected, reason: 'altered', id: row.id, at });
      previous = row.mac;
      verified++;
      expected++;
    }
    if (page.length < batch) break;
  }
  // Records removed from the end leave the head pointing past the last one.
  if (expected <= lastSeq) return result({ seq: expected, reason: 'missing', id: null, at: null });
  if (expected - 1 > lastSeq) return result({ seq: lastSeq + 1, reason: 'unsealed', id: null, at: null });
  return result(null);
}
