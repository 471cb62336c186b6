import type { MigrationInterface, QueryRunner } from 'typeorm';
import { fieldCipher } from '../../common/crypto/field-keys.js';
import { personalData } from '../../common/crypto/personal-data.js';
import { sealColumn, unsealColumn } from '../../common/crypto/sealed-column.js';
import { loadConfig } from '../../config/app-config.js';
import { sealAesTotpSecret, totpSecretColumn } from '../../modules/auth/totp-seal.js';

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
    for (const column of personalData(config).sealedColumns()) await unsealColumn(q, cipher, column, (plain) => plain);
    await q.query(`ALTER TABLE app_user DROP COLUMN phone_index, DROP COLUMN email_index, DROP COLUMN phone_mobile`);
    await unsealColumn(q, cipher, totpSecretColumn(config.totpSecretKey), (plain, row) =>
      sealAesTotpSecret(plain, config.totpSecretKey, row.tenant_id, row.user_id),
    );
  }
}
