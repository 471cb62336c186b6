/**
 * What a database error means for the request and for the connection it came on. PostgreSQL's
 * SQLSTATE decides; pg rejects with plain objects when it cannot connect, and TypeORM wraps driver
 * errors (`driverError`), so every layer is looked through.
 */
export type DatabaseFailure =
  'unavailable' | 'read-only' | 'serialization' | 'deadlock' | 'lock-timeout' | 'statement-timeout';

// 25P03 and 57P05: the server ended a session left idle (in a transaction, or at all) past its timeout,
// e.g. while a failover stalled the client; the connection is gone, the request may be retried.
const CONNECTION_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '57P05',
  '25P03',
];
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout/;
// TypeORM refuses a connection that died under an open transaction (when starting or committing it).
const RELEASED_RUNNER = ['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError'];

function driverOf(error: unknown): { code: string; message: string; name: string } {
  // graphql-js wraps a thrown non-Error in NonErrorThrown.
  const thrown = (error as { thrownValue?: unknown })?.thrownValue ?? error;
  const driver = (thrown as { driverError?: unknown })?.driverError ?? thrown;
  return {
    code: String((driver as { code?: unknown })?.code ?? ''),
    message: String((driver as { message?: unknown })?.message ?? ''),
    name: String((thrown as { name?: unknown })?.name ?? ''),
  };
}

/** The SQLSTATE (or Node's socket error code) of an error, '' when it has none. */
export function sqlState(error: unknown): string {
  return driverOf(error).code;
}

export function databaseFailure(error: unknown): DatabaseFailure | null {
  const { code, message, name } = driverOf(error);
  if (code === '25006') return 'read-only';
  if (code === '40001') return 'serialization';
  if (code === '40P01') return 'deadlock';
  // lock_timeout and statement_timeout (tenant-query-runner.ts): the server gave up, the connection is fine.
  if (code === '55P03') return 'lock-timeout';
  if (code === '57014') return 'statement-timeout';
  if (
    RELEASED_RUNNER.includes(name) ||
    CONNECTION_CODES.includes(code) ||
    code.startsWith('08') ||
    CONNECTION_MESSAGES.test(message)
  ) {
    return 'unavailable';
  }
  return null;
}

/**
 * A connection that lost its server, waited past the query timeout (its statement may still be running)
 * or landed on a read-only node (a demoted primary) must leave the pool, so the next request connects
 * afresh, through the router, to the current primary.
 */
export function dropsConnection(error: unknown): boolean {
  const failure = databaseFailure(error);
  return failure === 'unavailable' || failure === 'read-only';
}
