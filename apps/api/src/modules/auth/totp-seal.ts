import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Seals a two-factor secret for storage, and opens it again. The one place that knows how: switching
 * to SM4 (商用密码) changes these two functions and the version prefix, nothing else. AES-256-GCM with a
 * fresh IV per value; the tenant and user are bound in as associated data, so a sealed value copied to
 * another account does not open.
 */
const VERSION = 'a1';
/** Without TOTP_SECRET_KEY (development, tests) a fixed key: the README asks production to set one. */
const DEVELOPMENT_KEY = createHash('sha256').update('duban development totp key').digest();

export function sealTotpSecret(secret: string, key: Buffer | null, bindTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key ?? DEVELOPMENT_KEY, iv);
  cipher.setAAD(Buffer.from(bindTo));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

export function openTotpSecret(sealed: string, key: Buffer | null, bindTo: string): string {
  const [version, payload] = sealed.split(':');
  if (version !== VERSION || !payload) throw new Error(`unknown sealed secret version "${version}"`);
  const bytes = Buffer.from(payload, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key ?? DEVELOPMENT_KEY, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(bindTo));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}
