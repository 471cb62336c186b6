/**
 * When this person last did something the server counts as activity (any request that is not
 * background polling). Kept in localStorage so every open tab of the app shares one clock: working in
 * one tab keeps the others from signing the session out.
 */
const KEY = 'duban.lastActivity';
let inMemory = Date.now();

export function markActivity(now = Date.now()) {
  inMemory = now;
  try {
    localStorage.setItem(KEY, String(now));
  } catch {
    // private mode or storage full: this tab's own clock still works
  }
}

export function lastActivity(): number {
  let stored = 0;
  try {
    stored = Number(localStorage.getItem(KEY)) || 0;
  } catch {
    // see markActivity
  }
  return Math.max(inMemory, stored);
}

/**
 * When the web signs out and when it warns, given the tenant's idle limit. The server writes the
 * last activity at most once a minute, so it may end the session up to a minute before
 * `idleMinutes` after the last request: the web signs out at that earliest moment, and warns a minute
 * before it.
 */
export function idleSchedule(idleMinutes: number, last: number) {
  const signOutAt = last + Math.max(1, idleMinutes - 1) * 60_000;
  return { warnAt: signOutAt - 60_000, signOutAt };
}
