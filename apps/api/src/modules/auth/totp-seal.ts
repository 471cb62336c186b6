import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { FieldCipher } from '../../common/crypto/field-cipher.js';
import type { SealedColumn } from '../../common/crypto/sealed-column.js';

/**
 * Two-factor secrets at rest: SM4 under FIELD_KEYS like every other secret (商用密码), bound to the
 * tenant and the person, so a sealed value copied to another account does not open.
 */
export const totpContext = (tenantId: string, userId: string) => `user_totp|${tenantId}|${userId}`;

export function sealTotpSecret(cipher: FieldCipher, secret: string, tenantId: string, userId: string): string {
  return cipher.encrypt(secret, totpContext(tenantId, userId));
}

export function openTotpSecret(cipher: FieldCipher, sealed: string, tenantId: string, userId: string): string {
  return cipher.decrypt(sealed, totpContext(tenantId, userId));
}

/** Before SM4: AES-256-GCM under TOTP_SECRET_KEY (this fixed key without it), `a1:` + IV, tag, body. */
export const AES_TOTP_DEVELOPMENT_KEY = createHash('sha256').update('duban development totp key').digest();

/** The AES form, for the migration's `down` only: what the version before SM4 reads. */
export function sealAesTotpSecret(secret: string, key: Buffer | null, tenantId: string, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key ?? AES_TOTP_DEVELOPMENT_KEY, iv);
  cipher.setAAD(Buffer.from(`${tenantId}/${userId}`));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `a1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

function openAesTotpSecret(sealed: string, key: Buffer | null, bindTo: string): string {
  const [version, payload] = sealed.split(':');
  if (version !== 'a1' || !payload) throw new Error(`unknown sealed two-factor secret version "${version}"`);
  const bytes = Buffer.from(payload, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key ?? AES_TOTP_DEVELOPMENT_KEY, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(bindTo));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

/** user_totp.secret_sealed for sealColumn: AES values are read once (TOTP_SECRET_KEY) and stored under SM4. */
export const totpSecretColumn = (aesKey: Buffer | null): SealedColumn => ({
  table: 'user_totp',
  key: ['tenant_id', 'user_id'],
  column: 'secret_sealed',
  context: (row) => totpContext(row.tenant_id, row.user_id),
  legacy: (stored, row) => openAesTotpSecret(stored, aesKey, `${row.tenant_id}/${row.user_id}`),
});
