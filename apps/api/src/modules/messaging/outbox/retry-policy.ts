/** Waits before the 2nd, 3rd, … attempt; after the last one a message has failed for good. */
const BACKOFF_SECONDS = [60, 5 * 60, 15 * 60, 60 * 60, 4 * 60 * 60];
export const MAX_ATTEMPTS = BACKOFF_SECONDS.length + 1;

/** When to try again after `attempts` tries, or null when there are no tries left. */
export function nextAttemptAt(attempts: number, now: Date, requested?: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const backoff = new Date(now.getTime() + BACKOFF_SECONDS[Math.max(0, attempts - 1)]! * 1000);
  return requested && requested > backoff ? requested : backoff;
}
