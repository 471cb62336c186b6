import type { DataSource } from 'typeorm';
import { one } from './sql.js';
import { logger } from '../logging/logger.js';

/** What a cached result depends on besides the tenant's data (which scorecard_revision tracks). */
export interface CacheKey {
  tenantId: string;
  /** plan or year, and unit kind. */
  scope: string;
  /** Shanghai date: "overdue now" changes at midnight without any write. */
  today: string;
  /** Hash of the score rules and report periods (from tenant settings and calendar, no trigger there) and of the SQL. */
  rulesKey: string;
}

/** Parsed results kept per process: a province's ranking is ~100 kB of JSON, ~200 kB of heap. */
const PARSED_LIMIT = 32;

/**
 * The scorecard's result cache: scorecard_cache in PostgreSQL, shared by every API process, valid while
 * its revision is the tenant's current one (see the ScorecardCache migration). A ranking is a function
 * of the key and the revision alone, so this process also keeps the last rankings it parsed: the
 * database still decides on every read whether one is current, and sends the payload only when this
 * process does not hold that revision already (parsing 100 kB per request was most of a hit's CPU).
 * Any other result computed from the same tables (the public page's snapshot, the plan progress tree)
 * uses it with its own payload type and a scope key of its own.
 */
export class RevisionCache<T> {
  private readonly parsed = new Map<string, { revision: string; ranking: T }>();

  constructor(private readonly db: DataSource) {}

  /**
   * The ranking if no write committed since it was computed. One statement, so the cached row and the
   * tenant's current revision come from the same snapshot (no revision row yet = 0).
   */
  async read(key: CacheKey): Promise<T | null> {
    return (await this.lookup(key)).hit;
  }

  /**
   * The cached result if current, and the tenant's current revision either way: what a result computed
   * now elsewhere (a read replica) must have seen at least before it may be stored (read-replica.ts).
   */
  async lookup(key: CacheKey): Promise<{ hit: T | null; revision: string }> {
    const id = keyId(key);
    const held = this.parsed.get(id);
    const found = (await one<{ revision: string; payload: T | null }>(
      this.db,
      `SELECT cur.revision, c.payload
         FROM (SELECT coalesce(max(r.revision), 0) AS revision FROM scorecard_revision r WHERE r.tenant_id = $1) cur
         LEFT JOIN scorecard_cache c
           ON c.tenant_id = $1 AND c.scope_key = $2 AND c.computed_on = $3::date AND c.rules_key = $4
          AND c.revision = cur.revision AND cur.revision IS DISTINCT FROM $5::bigint`,
      [key.tenantId, key.scope, key.today, key.rulesKey, held?.revision ?? null],
    ))!;
    const revision = String(found.revision);
    if (held && held.revision === revision) return { hit: this.keep(id, held.revision, held.ranking), revision };
    return { hit: found.payload ? this.keep(id, revision, found.payload) : null, revision };
  }

  /**
   * Stores a ranking computed at `revision` (read in the computing statement's snapshot). A request that
   * computed on an older snapshot finishing last must not replace a newer entry, hence the WHERE. A
   * failed write (a read-only replica, a full disk) costs only other processes' recomputation.
   */
  async write(key: CacheKey, revision: string, ranking: T): Promise<void> {
    this.keep(keyId(key), revision, ranking);
    try {
      await this.db.query(
        `INSERT INTO scorecard_cache AS c (tenant_id, scope_key, revision, computed_on, rules_key, payload)
         VALUES ($1, $2, $3, $4::date, $5, $6::json)
         ON CONFLICT (tenant_id, scope_key) DO UPDATE
           SET revision = EXCLUDED.revision, computed_on = EXCLUDED.computed_on, rules_key = EXCLUDED.rules_key,
               payload = EXCLUDED.payload, computed_at = now()
         WHERE c.revision <= EXCLUDED.revision`,
        [key.tenantId, key.scope, revision, key.today, key.rulesKey, JSON.stringify(ranking)],
      );
    } catch (error) {
      logger().warn({ err: error, tenantId: key.tenantId, scope: key.scope }, 'scorecard cache write failed');
    }
  }

  /** Most recently used last; the oldest goes beyond the limit. */
  private keep(id: string, revision: string, ranking: T): T {
    this.parsed.delete(id);
    this.parsed.set(id, { revision, ranking });
    if (this.parsed.size > PARSED_LIMIT) this.parsed.delete(this.parsed.keys().next().value!);
    return ranking;
  }
}

function keyId(key: CacheKey): string {
  return `${key.tenantId}|${key.scope}|${key.today}|${key.rulesKey}`;
}
