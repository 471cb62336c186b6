import { randomInt } from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { DEFAULT_SECURITY_POLICY, passwordProblem, type SecurityPolicy } from './security-policy.js';

export { passwordProblem };

/** OWASP's argon2id baseline (19 MiB, 2 passes): strong, and ~30 ms here so sign-in stays quick. */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Letters and digits that cannot be mistaken for each other when read aloud or off paper: no 0/O, 1/l/I. */
const READABLE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz';
const READABLE_DIGITS = '23456789';
/** Symbols that survive being read aloud and typed on a phone keyboard. */
const READABLE_SYMBOLS = '#%+=@';
export const FIRST_PASSWORD_LENGTH = 12;

/**
 * A one-time first password for 开通通知 and resets: 12 characters from 56 (≈ 69 bits), or the tenant's
 * minimum length if longer, with a readable symbol when the policy asks for all four classes; it
 * passes the tenant's passwordProblem. Never - or _ (read aloud, they get lost).
 */
export function readablePassword(
  policy: Pick<SecurityPolicy, 'passwordMinLength' | 'passwordMinClasses'> = DEFAULT_SECURITY_POLICY,
): string {
  const length = Math.max(FIRST_PASSWORD_LENGTH, policy.passwordMinLength);
  const all = READABLE_LETTERS + READABLE_DIGITS + (policy.passwordMinClasses >= 4 ? READABLE_SYMBOLS : '');
  for (;;) {
    const password = Array.from({ length }, () => all[randomInt(all.length)]).join('');
    if (!passwordProblem(password, { ...policy, passwordMinClasses: Math.max(3, policy.passwordMinClasses) }))
      return password;
  }
}

/** A one-time password (a first password, or one set by an admin or the CLI) must be used within this long. */
export const ONE_TIME_PASSWORD_HOURS = 7 * 24;
