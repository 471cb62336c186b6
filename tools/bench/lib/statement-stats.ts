// What one request costs PostgreSQL, from pg_stat_statements: how many statements it sends and how long
// PostgreSQL spends executing them. Unlike CPU or throughput, neither depends on what else the shared
// machine is doing. Needs the extension preloaded (the embedded bench database does it); elsewhere the
// figures read "n/a".
import type pg from 'pg';

/** Transaction control and the tenant scope that opens each transaction: round trips, not answers. */
const OVERHEAD = `query ~* '^\\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SELECT set_config)'`;

export interface StatementFigures {
  /** Statements that read or write data, per request. */
  statements: number;
  /** Transaction control and scope statements, per request. */
  overhead: number;
  /** PostgreSQL execution time of all of them, ms per request. */
  executionMs: number;
}

export async function statementStats(pool: pg.Pool) {
  const available = await pool
    .query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`)
    .then(() => pool.query(`SELECT pg_stat_statements_reset()`))
    .then(
      () => true,
      () => false,
    );
  const own = `dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query !~ 'pg_stat_statements'`;
  return {
    available,
    async reset(): Promise<void> {
      if (available) await pool.query(`SELECT pg_stat_statements_reset()`);
    },
    /** Totals since the last reset divided by the number of requests that were served meanwhile. */
    async perRequest(requests: number): Promise<StatementFigures | null> {
      if (!available || requests === 0) return null;
      const {
        rows: [r],
      } = await pool.query(
        `SELECT coalesce(sum(calls) FILTER (WHERE NOT (${OVERHEAD})), 0)::float AS statements,
                coalesce(sum(calls) FILTER (WHERE ${OVERHEAD}), 0)::float AS overhead,
                coalesce(sum(total_exec_time), 0)::float AS ms
           FROM pg_stat_statements WHERE ${own}`,
      );
      return { statements: r.statements / requests, overhead: r.overhead / requests, executionMs: r.ms / requests };
    },
    /** The statements since the last reset, most called first: what to cut. */
    async top(limit = 12): Promise<{ calls: number; meanMs: number; query: string }[]> {
      if (!available) return [];
      const { rows } = await pool.query(
        `SELECT calls::int, mean_exec_time::float AS mean_ms, regexp_replace(query, '\\s+', ' ', 'g') AS query
           FROM pg_stat_statements WHERE ${own} ORDER BY calls DESC, total_exec_time DESC LIMIT $1`,
        [limit],
      );
      return rows.map((r) => ({ calls: r.calls, meanMs: r.mean_ms, query: r.query }));
    },
  };
}
