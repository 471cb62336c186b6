import type { MigrationInterface, QueryRunner } from 'typeorm';
import { fieldCipher } from '../../common/crypto/field-keys.js';
import { personalContext, personalData } from '../../common/crypto/personal-data.js';
import { sealColumn } from '../../common/crypto/sealed-column.js';
import { loadConfig } from '../../config/app-config.js';
import { openTotpSecret, sealAesTotpSecret, totpSecretColumn } from '../../modules/auth/totp-seal.js';

/**
 * 商用密码 (issue 22), the rest of personal data: people's phone and e-mail are encrypted with SM4 under
 * FIELD_KEYS with a blind index beside each (HMAC-SM3, BLIND_INDEX_KEY) for lookups, and whether the
 * phone is a mobile (who messaging platforms can reach, decided without decrypting); two-factor
 * secrets move from AES-256-GCM (TOTP_SECRET_KEY, read this once) to SM4. Batched, in the migration's
 * transaction, and a row already under the newest key is left alone.
 */
export class EncryptPersonalData1766700000000 implements MigrationInterface {
  name = 'EncryptPersonalData1766700000000';

  async up(q: QueryRunner): Promise<void> {
    const config = loadConfig(process.env);
    const cipher = fieldCipher(config);
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN IF NOT EXISTS phone_index text,
        ADD COLUMN IF NOT EXISTS email_index text,
        ADD COLUMN IF NOT EXISTS phone_mobile boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX IF NOT EXISTS app_user_phone_index ON app_user (tenant_id, phone_index)`);
    await q.query(`CREATE INDEX IF NOT EXISTS app_user_email_index ON app_user (tenant_id, email_index)`);
    for (const column of personalData(config).sealedColumns()) await sealColumn(q, cipher, column);
    await sealColumn(q, cipher, totpSecretColumn(config.totpSecretKey));
  }

  async down(q: QueryRunner): Promise<void> {
    const config = loadConfig(process.env);
    const cipher = fieldCipher(config);
    const people: { tenant_id: string; id: string; phone: string | null; email: string | null }[] = await q.query(
      `SELECT tenant_id, id, phone, email FROM app_user WHERE phone LIKE 'sm4:%' OR email LIKE 'sm4:%'`,
    );
    const open = (p: (typeof people)[number], field: 'phone' | 'email') =>
      p[field]?.startsWith('sm4:') ? cipher.decrypt(p[field], personalContext(p.tenant_id, p.id, field)) : p[field];
    for (const p of people)
      await q.query(`UPDATE app_user SET phone = $3, email = $4 WHERE tenant_id = $1 AND id = $2`, [
        p.tenant_id,
        p.id,
        open(p, 'phone'),
        open(p, 'email'),
      ]);
    await q.query(`ALTER TABLE app_user DROP COLUMN phone_index, DROP COLUMN email_index, DROP COLUMN phone_mobile`);
    const secrets: { tenant_id: string; user_id: string; secret_sealed: string }[] = await q.query(
      `SELECT tenant_id, user_id, secret_sealed FROM user_totp WHERE secret_sealed LIKE 'sm4:%'`,
    );
    for (const s of secrets)
      await q.query(`UPDATE user_totp SET secret_sealed = $3 WHERE tenant_id = $1 AND user_id = $2`, [
        s.tenant_id,
        s.user_id,
        sealAesTotpSecret(
          openTotpSecret(cipher, s.secret_sealed, s.tenant_id, s.user_id),
          config.totpSecretKey,
          s.tenant_id,
          s.user_id,
        ),
      ]);
  }
}
