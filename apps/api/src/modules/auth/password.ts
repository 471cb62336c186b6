import { randomInt } from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';

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

/** The rule the UI states: at least 8 characters with letters and digits. Returns a Chinese reason or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  if (password.length > 128) return '密码不能超过 128 位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  return null;
}

/** Letters and digits that cannot be mistaken for each other when read aloud or off paper: no 0/O, 1/l/I. */
const READABLE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz';
const READABLE_DIGITS = '23456789';
export const FIRST_PASSWORD_LENGTH = 12;

/**
 * A one-time first password for 开通通知 and resets: 12 characters from 56 (≈ 69 bits), always with
 * letters and digits so it passes passwordProblem, never - or _ (read aloud, they get lost).
 */
export function readablePassword(): string {
  const all = READABLE_LETTERS + READABLE_DIGITS;
  for (;;) {
    const password = Array.from({ length: FIRST_PASSWORD_LENGTH }, () => all[randomInt(all.length)]).join('');
    if (!passwordProblem(password) && /\d/.test(password) && /[A-Za-z]/.test(password)) return password;
  }
}

/** A one-time password (a first password, or one set by an admin or the CLI) must be used within this long. */
export const ONE_TIME_PASSWORD_HOURS = 7 * 24;
