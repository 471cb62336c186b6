import type { UserRole } from './vocabulary.js';

/**
 * A tenant's 身份鉴别 policy (等保 2.0): what a password must be, how long it lasts, and how long a
 * session may live. The API stores one row per tenant and enforces it; the assessor's view
 * (assessment.ts) judges it against level 3.
 */
export interface SecurityPolicy {
  passwordMinLength: number;
  /** How many of the four character classes (lower, upper, digit, symbol) a password must mix. */
  passwordMinClasses: number;
  /** A new password may not repeat the current one or any of this many before it (0 = only the current). */
  passwordHistory: number;
  /** A password older than this many days must be changed at the next sign-in (0 = never expires). */
  passwordMaxAgeDays: number;
  /** A session unused this long ends. */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however busy. */
  sessionMaxHours: number;
  /** The roles that sign in with a TOTP code after the password (SSO sign-ins follow the provider). */
  twoFactorRoles: UserRole[];
  /** 防泄漏: every signed-in page and every export carries the viewer's name and the date. */
  watermark: boolean;
}
