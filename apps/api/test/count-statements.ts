import pg from 'pg';
import { sealerAtWork } from '../src/modules/audit/audit-sealer.js';

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)/i;

/** A statement as sent, with the application_name of the pool it went through (`duban-api`, `duban-api-replica`). */
export interface SentStatement {
  text: string;
  source: string;
}

/**
 * The SQL texts sent while `run` is in flight, captured by wrapping pg's Client#query (TypeORM and
 * raw queries all pass through it). Tests await one request at a time, so nothing else is captured but
 * the audit sealer's background work (sealing what a commit just wrote), which is left out.
 * Transaction control (which also carries the tenant scope) is left out unless `roundTrips` is set.
 */
export async function captureSources(
  run: () => Promise<unknown>,
  { roundTrips = false } = {},
): Promise<SentStatement[]> {
  const original = pg.Client.prototype.query;
  const seen: SentStatement[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
    if (text && !sealerAtWork.getStore() && (roundTrips || !TRANSACTION_CONTROL.test(text))) {
      const params = (this as unknown as { connectionParameters?: { application_name?: string } }).connectionParameters;
      seen.push({ text, source: params?.application_name ?? '' });
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return seen;
}

/** The SQL texts `run` sends, whichever pool (see captureSources). */
export async function captureStatements(run: () => Promise<unknown>, { roundTrips = false } = {}): Promise<string[]> {
  return (await captureSources(run, { roundTrips })).map((s) => s.text);
}

/** How many statements `run` sends, transaction control left out. */
export async function countStatements(run: () => Promise<unknown>): Promise<number> {
  return (await captureStatements(run)).length;
}

/**
 * Waits until nothing is sent for `quietMs` (jobs and outbox deliveries a previous request started
 * have finished), so a count that follows sees only its own request. Gives up after `timeoutMs`.
 */
export async function settled(quietMs = 200, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const background = await captureStatements(() => new Promise((r) => setTimeout(r, quietMs)), { roundTrips: true });
    if (background.length === 0) return;
  }
  throw new Error(`the app kept sending statements for ${timeoutMs} ms`);
}
