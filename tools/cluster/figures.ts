// The figures of one scenario, computed from the load generator's log, the readyz probes and what the
// database holds afterwards. Pure functions: tested in figures.spec.ts.
import type { Ack, Attempt, Probe } from './load.js';

export interface Figures {
  acknowledged: number;
  lost: number;
  duplicated: number;
  failed: number;
  /** Seconds from the fault until writes succeed again for good; null: not within the run. */
  recoverySeconds: number | null;
  exits: number;
  dishonestSeconds: number;
}

/** Acknowledged keys missing from the database, and keys stored more than once. */
export function storedFigures(acks: Ack[], stored: Map<string, number>): { lost: string[]; duplicated: string[] } {
  const acked = [...new Set(acks.map((a) => a.key))];
  return {
    lost: acked.filter((key) => !stored.has(key)),
    duplicated: [...stored].filter(([, n]) => n > 1).map(([key]) => key),
  };
}

/**
 * Seconds from `faultAt` until the first acknowledged write after the last failed attempt, i.e. until
 * writes succeed again and keep succeeding. 0 when no attempt failed after the fault; null when writes
 * had not recovered by the end of the run.
 */
export function recoverySeconds(attempts: Attempt[], faultAt: number): number | null {
  const after = attempts.filter((a) => a.end >= faultAt);
  const failures = after.filter((a) => !a.ok);
  if (failures.length === 0) return 0;
  const lastFailure = Math.max(...failures.map((a) => a.end));
  const recovered = after.filter((a) => a.ok && a.end >= lastFailure).map((a) => a.end);
  if (recovered.length === 0) return null;
  return Math.max(0, (Math.min(...recovered) - faultAt) / 1000);
}

type Truth = 'ok' | 'failing';

/** What writes on `api` did between `from` and `to`: working when one succeeded, failing when some ran and none did. */
function writesBetween(attempts: Attempt[], api: string, from: number, to: number): Truth | undefined {
  const during = attempts.filter((a) => a.api === api && a.start < to && a.end >= from);
  if (during.some((a) => a.ok && a.end >= from && a.end < to)) return 'ok';
  return during.some((a) => !a.ok) ? 'failing' : undefined;
}

/**
 * Seconds (between `from` and `to`) in which some API process's /readyz disagreed with what writes
 * on that process did: ready while its writes failed, or not ready (or no answer) while they succeeded.
 * A probe is judged by the writes in the second before its answer and in the second after it, and is
 * dishonest only when both disagree with it: a probe answers for the moment it checked, so a primary
 * that dies a few hundred milliseconds after an honest 200 is not the probe's lie — a second 200 is.
 */
export function dishonestSeconds(attempts: Attempt[], probes: Probe[], from: number, to: number): number {
  const dishonest = new Set<number>();
  for (const p of probes) {
    if (p.start < from || p.start > to) continue;
    const ready = p.status === 200;
    const disagrees = (t: Truth | undefined) => t !== undefined && ready !== (t === 'ok');
    const before = writesBetween(attempts, p.api, p.end - 1000, p.end);
    const after = writesBetween(attempts, p.api, p.end, p.end + 1000);
    if (disagrees(before) && disagrees(after)) dishonest.add(Math.floor(p.start / 1000));
  }
  return dishonest.size;
}

/** Attempt errors by message, most frequent first: what a person would have seen. */
export function errorSummary(attempts: Attempt[], limit = 4): string[] {
  const counts = new Map<string, number>();
  for (const a of attempts)
    if (!a.ok && a.error) counts.set(a.error.slice(0, 90), (counts.get(a.error.slice(0, 90)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([message, n]) => `${n} × ${message}`);
}
