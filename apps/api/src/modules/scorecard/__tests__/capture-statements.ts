import pg from 'pg';

/**
 * The SQL texts sent while `run` is in flight, captured by wrapping pg's Client#query (TypeORM and
 * raw queries all pass through it). Tests await one request at a time, so nothing else is captured.
 */
export async function captureStatements(run: () => Promise<unknown>): Promise<string[]> {
  const original = pg.Client.prototype.query;
  const seen: string[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
    if (text && !/^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)/i.test(text)) seen.push(text);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return seen;
}
