import { logger } from '../logging/logger.js';

/** How long the process answers "not ready" after a fault, so a load balancer steers work elsewhere meanwhile. */
export const FAULT_UNREADY_MS = 10_000;

let unreadyUntil = 0;
let lastFault: string | null = null;

/** Why this process should take no traffic now (a recent fault), or null. */
export function processFault(now = Date.now()): string | null {
  return now < unreadyUntil ? lastFault : null;
}

export function markFault(reason: string, now = Date.now()): void {
  lastFault = reason;
  unreadyUntil = now + FAULT_UNREADY_MS;
}

/**
 * A promise rejected with nobody awaiting it, such as pg-boss 10 completing or failing a job without
 * awaiting the query when the database goes away under a job handler, would end the process (Node's
 * default) and every request on it. It is logged, the process reports itself unready for a while and
 * carries on: the database client that failed reconnects by itself. (pg-boss 11, which awaits these,
 * needs Node 22.) A synchronous uncaught exception still ends the process: its state is unknown.
 */
export function guardUnhandledRejections(): void {
  process.on('unhandledRejection', (reason) => {
    logger().error(
      { err: reason },
      `unhandled promise rejection: kept running, not ready for ${FAULT_UNREADY_MS / 1000} s`,
    );
    markFault('unhandled promise rejection');
  });
}
