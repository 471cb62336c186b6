import { DataSource } from 'typeorm';
import type { TestApp } from '../../../../test/test-app.js';

/**
 * Counts statements the app sends to PostgreSQL during `run`, by wrapping `query` on the client class
 * of TypeORM's own pool (so the test's own pool, used for arranging data, is never counted).
 */
export async function countStatements(t: TestApp, run: () => Promise<void>): Promise<number> {
  const pool = (t.app.get(DataSource).driver as unknown as { master: { connect(): Promise<{ release(): void }> } }).master;
  const client = await pool.connect();
  const proto = Object.getPrototypeOf(client) as { query: (...args: unknown[]) => unknown };
  client.release();
  const original = proto.query;
  let count = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    proto.query = original;
  }
  return count;
}
