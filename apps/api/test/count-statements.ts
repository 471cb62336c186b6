import pg from 'pg';

/**
 * Counts SQL statements sent while `run` is in flight by wrapping pg's Client#query (TypeORM and
 * raw queries all pass through it). Tests await one request at a time, so nothing else is counted.
 */
export async function countStatements(run: () => Promise<unknown>): Promise<number> {
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
    if (text && !/^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)/i.test(text)) count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return count;
}
