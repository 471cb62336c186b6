import { createHash } from 'node:crypto';

/**
 * What is stored for a bearer secret (session token, invitation code, sign-on state) and looked up by:
 * the secret itself never is. SHA-256 rather than a password hash, because these secrets are long random
 * values that cannot be guessed, and each request must find its row with one indexed lookup.
 */
export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');
