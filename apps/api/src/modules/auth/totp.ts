import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30 seconds. */
const PERIOD = 30;
const DIGITS = 6;
/** A code from the step before or after counts too: phones' clocks drift and people type slowly. */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** The otpauth:// URI the QR code carries: the issuer and the account the app lists it under. */
export function totpUri(secretBase32: string, issuer: string, account: string): string {
  return new TOTP({
    issuer,
    label: account,
    secret: Secret.fromBase32(secretBase32),
    period: PERIOD,
    digits: DIGITS,
  }).toString();
}

/** The time step a valid code belongs to, or null; a caller refuses a step it has seen (replay). */
export function totpStep(secretBase32: string, code: string, now: Date): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const timestamp = now.getTime();
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(secretBase32),
    period: PERIOD,
    digits: DIGITS,
    timestamp,
    window: WINDOW,
  });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp }) + delta;
}

/** The current code (tests, and nothing else in the app: the server never shows one). */
export const totpCode = (secretBase32: string, now: Date) =>
  TOTP.generate({ secret: Secret.fromBase32(secretBase32), period: PERIOD, digits: DIGITS, timestamp: now.getTime() });

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Ten codes like `K7QMX-3HDP9`: 50 bits each, no 0/O or 1/I/L to misread off paper. */
export function newRecoveryCodes(): string[] {
  const one = () => Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const code = one();
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** A typed recovery code in its stored form (case, spaces and the dash do not matter); null if it is not one. */
export function normalRecoveryCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return code.length === 10 && [...code].every((c) => RECOVERY_ALPHABET.includes(c)) ? code : null;
}
