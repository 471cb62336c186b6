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

/**
 * Seconds (between `from` and `to`) in which some API process's /readyz disagreed with what writes
 * on that process did: ready while its writes failed, or not ready (or no answer) while they succeeded.
 * A second in which one write succeeded counts as working; a failed write marks every second it hung.
 * A probe samples once a second, so it is judged only once the state it disagrees with had already
 * held in the last second before it with writes: a primary that dies a few hundred milliseconds after
 * an honest 200 is not the probe's lie, a second 200 is.
 */
export function dishonestSeconds(attempts: Attempt[], probes: Probe[], from: number, to: number): number {
  const truth = new Map<string, Map<number, Truth>>();
  const mark = (api: string, second: number, value: Truth) => {
    const seconds = truth.get(api) ?? new Map<number, Truth>();
    truth.set(api, seconds);
    if (value === 'ok' || !seconds.has(second)) seconds.set(second, value);
  };
  for (const a of attempts) {
    if (!a.api) continue;
    if (a.ok) mark(a.api, Math.floor(a.end / 1000), 'ok');
    else for (let s = Math.floor(a.start / 1000); s <= Math.floor(a.end / 1000); s++) mark(a.api, s, 'failing');
  }
  const before = (seconds: Map<number, Truth>, second: number): Truth | undefined => {
    const earlier = [...seconds.keys()].filter((s) => s < second);
    return earlier.length ? seconds.get(Math.max(...earlier)) : undefined;
  };
  const dishonest = new Set<number>();
  for (const p of probes) {
    const second = Math.floor(p.start / 1000);
    if (p.start < from || p.start > to) continue;
    const seconds = truth.get(p.api);
    const actual = seconds?.get(second);
    if (!seconds || !actual) continue;
    const ready = p.status === 200;
    const disagrees = (t: Truth | undefined) => t !== undefined && ready !== (t === 'ok');
    if (disagrees(actual) && disagrees(before(seconds, second))) dishonest.add(second);
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
