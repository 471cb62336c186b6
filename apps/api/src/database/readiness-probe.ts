import type pg from 'pg';
import type { DataSource } from 'typeorm';

/** Why the database cannot take this process's work; null when it can. */
export type NotReadyReason = 'unreachable' | 'read-only';

const CHECK = `SELECT pg_is_in_recovery() AS recovery, current_setting('transaction_read_only') = 'on' AS read_only`;

/**
 * Whether the database can take writes, asked within `timeoutMs` on one pooled connection. Probes
 * arriving while one runs share its answer, so a load balancer polling hard holds one pool slot at most;
 * a probe that gets no answer in time fails and its connection is destroyed, not left running. A node
 * in recovery or read-only (a standby, a demoted primary) is not ready: it would refuse every write.
 */
export class ReadinessProbe {
  private running: Promise<NotReadyReason | null> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly timeoutMs = 2000,
  ) {}

  check(): Promise<NotReadyReason | null> {
    this.running ??= this.ask().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async ask(): Promise<NotReadyReason | null> {
    const pool = (this.dataSource.driver as unknown as { master: pg.Pool }).master;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`database check gave no answer in ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([this.query(pool), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async query(pool: pg.Pool): Promise<NotReadyReason | null> {
    const client = await pool.connect();
    let discard: Error | undefined;
    // A connection that breaks while checked out fails its query and also emits 'error' on the client;
    // pg-pool listens only while a client is idle, so unheard that would be an uncaught exception. Over a
    // Unix socket a write to a backend the server has just terminated fails this way (EPIPE).
    const broken = (error: Error) => (discard ??= error);
    client.on('error', broken);
    try {
      // pg honours a per-query `query_timeout` (client.js) though its types leave it out.
      const query = { text: CHECK, query_timeout: this.timeoutMs } as pg.QueryConfig;
      const { rows } = await client.query<{ recovery: boolean; read_only: boolean }>(query);
      if (!rows[0].recovery && !rows[0].read_only) return null;
      // A connection to a read-only node would refuse the next request's writes too.
      discard = new Error('connected to a read-only database');
      return 'read-only';
    } catch (error) {
      discard = error as Error;
      throw error;
    } finally {
      // A broken client is destroyed by release and keeps the listener for whatever it still emits.
      if (!discard) client.off('error', broken);
      client.release(discard);
    }
  }
}
