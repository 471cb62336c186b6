import type { SecurityPolicy } from './security-policy.js';

/** Why a session can no longer be used: unused too long, or older than the tenant allows. */
export type SessionEnd = 'SESSION_IDLE' | 'SESSION_EXPIRED';

/** A session row's instants, as stored (expires_at is the cookie's lifetime, fixed at sign-in). */
export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** last_seen_at is written at most this often per session, so reading pages does not turn into writes. */
export const TOUCH_AFTER_MS = 60 * 1000;

/**
 * The one lifetime rule, for the database-backed resolver and any per-process cache alike. The
 * tenant's current policy applies to sessions already open: tightening it ends them at once. Returns
 * null while the session lives, else why it ended.
 */
export function sessionEnded(
  session: SessionTimes,
  policy: Pick<SecurityPolicy, 'sessionIdleMinutes' | 'sessionMaxHours'>,
  now: Date,
): SessionEnd | null {
  const t = now.getTime();
  if (t >= session.expiresAt.getTime()) return 'SESSION_EXPIRED';
  if (t >= session.createdAt.getTime() + policy.sessionMaxHours * 3600 * 1000) return 'SESSION_EXPIRED';
  if (t >= session.lastSeenAt.getTime() + policy.sessionIdleMinutes * 60 * 1000) return 'SESSION_IDLE';
  return null;
}

/** The last activity is worth writing down: the stored one is more than TOUCH_AFTER_MS old. */
export const sessionNeedsTouch = (session: Pick<SessionTimes, 'lastSeenAt'>, now: Date) =>
  now.getTime() - session.lastSeenAt.getTime() >= TOUCH_AFTER_MS;

export const SESSION_END_MESSAGES: Record<SessionEnd, string> = {
  SESSION_IDLE: '您已长时间未操作，为保护账号安全已自动退出，请重新登录',
  SESSION_EXPIRED: '登录已超过最长有效时间，请重新登录',
};
