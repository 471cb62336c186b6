import type { Queryable } from './sql.js';
import { one } from './sql.js';
import { AppError, badInput } from './app-error.js';
import type { Viewer } from './viewer.js';

/** What a client sends to make one create safe to repeat: letters, digits, `-` and `_` (a UUID fits). */
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,100}$/;
/** Keys older than this are deleted by the daily run; a retry comes within minutes, not days. */
export const IDEMPOTENCY_KEY_DAYS = 7;
/** The REST endpoints read the key from this header (the IETF draft's name). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export interface Once<T> {
  /** The operation's name: a key is bound to one operation and one user. */
  operation: string;
  /** The client's key; without one the create simply runs. */
  key: string | null | undefined;
  create: () => Promise<T>;
  idOf: (created: T) => string;
  /** Loads what the first call created, for the retry's answer. */
  replay: (id: string) => Promise<T>;
}

export function cleanIdempotencyKey(raw: string | null | undefined): string | null {
  if (raw == null || raw === '') return null;
  if (!KEY_PATTERN.test(raw)) throw badInput('操作标识（idempotencyKey）格式有误，请刷新页面后重试', 'idempotencyKey');
  return raw;
}

/**
 * Runs a create at most once per (tenant, key), inside the caller's transaction: the key row is
 * claimed first, so a concurrent call with the same key waits on its unique index until the first
 * commits (then replays its result) or rolls back (then creates). A retry after a lost COMMIT thus gets
 * the first result, never a second row.
 */
export async function createOnce<T>(m: Queryable, viewer: Viewer, once: Once<T>): Promise<T> {
  const key = cleanIdempotencyKey(once.key);
  if (!key) return once.create();
  const claimed = await one(
    m,
    `INSERT INTO idempotency_key (tenant_id, key, operation, user_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, key) DO NOTHING RETURNING key`,
    [viewer.tenantId, key, once.operation, viewer.userId],
  );
  if (claimed) {
    const created = await once.create();
    await m.query(`UPDATE idempotency_key SET result_id = $3 WHERE tenant_id = $1 AND key = $2`, [
      viewer.tenantId,
      key,
      once.idOf(created),
    ]);
    return created;
  }
  const first = await one<{ operation: string; user_id: string; result_id: string | null }>(
    m,
    `SELECT operation, user_id, result_id FROM idempotency_key WHERE tenant_id = $1 AND key = $2`,
    [viewer.tenantId, key],
  );
  if (!first || first.operation !== once.operation || first.user_id !== viewer.userId || !first.result_id) {
    throw new AppError('CONFLICT', '该操作标识已用于另一项操作，未保存；请刷新页面后重新提交', {
      detail: `idempotency key reused: ${first?.operation ?? 'unknown'} by another user or operation (${once.operation})`,
    });
  }
  return once.replay(first.result_id);
}

/** The daily run's clean-up: keys past their retry window. Returns how many went. */
export async function deleteOldIdempotencyKeys(db: Queryable, tenantId: string): Promise<number> {
  const [, deleted] = await db.query(
    `DELETE FROM idempotency_key WHERE tenant_id = $1 AND created_at < now() - make_interval(days => $2)`,
    [tenantId, IDEMPOTENCY_KEY_DAYS],
  );
  return deleted as number;
}
