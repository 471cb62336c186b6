import type { MigrationInterface, QueryRunner } from 'typeorm';
import { fieldCipher } from '../../common/crypto/field-keys.js';
import { loadConfig } from '../../config/app-config.js';
import { sealTenantSecrets } from '../../modules/messaging/secrets/seal-secrets.js';
import { secretContext } from '../../modules/messaging/secrets/secret-context.js';

/**
 * 商用密码 (issue 22): the tenant secrets stored so far in plaintext (robot webhook URLs and 加签
 * secrets, 企业微信/钉钉 app secrets, cached tokens, the SSO client secret) are encrypted with SM4 under
 * FIELD_KEYS (or the key in DATA_DIR), as SecretStore now writes them.
 */
export class EncryptTenantSecrets1766400100000 implements MigrationInterface {
  name = 'EncryptTenantSecrets1766400100000';

  async up(q: QueryRunner): Promise<void> {
    await sealTenantSecrets(q, fieldCipher(loadConfig(process.env)));
  }

  async down(q: QueryRunner): Promise<void> {
    const cipher = fieldCipher(loadConfig(process.env));
    const found: { tenant_id: string; name: string; value: string }[] = await q.query(
      `SELECT tenant_id, name, value FROM tenant_secret WHERE value LIKE 'sm4:%'`,
    );
    for (const r of found)
      await q.query(`UPDATE tenant_secret SET value = $3 WHERE tenant_id = $1 AND name = $2`, [
        r.tenant_id,
        r.name,
        cipher.decrypt(r.value, secretContext(r.tenant_id, r.name)),
      ]);
  }
}
