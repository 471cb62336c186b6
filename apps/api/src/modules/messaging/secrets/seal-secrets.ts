import type { FieldCipher } from '../../../common/crypto/field-cipher.js';
import { secretContext } from './secret-store.service.js';

type Sql = { query(sql: string, parameters?: unknown[]): Promise<any> };

/**
 * Brings every tenant secret under the cipher's newest key: plaintext left from before encryption
 * (the migration's case) and values under an older key (`npm run cli -- secrets rekey` after adding a
 * key). Runs over all tenants, outside any tenant's scope; returns how many values it rewrote.
 */
export async function sealTenantSecrets(db: Sql, cipher: FieldCipher): Promise<number> {
  const found: { tenant_id: string; name: string; value: string }[] = await db.query(
    `SELECT tenant_id, name, value FROM tenant_secret WHERE value NOT LIKE $1 FOR UPDATE`,
    [`sm4:${cipher.newestKeyId}:%`],
  );
  for (const row of found) {
    const context = secretContext(row.tenant_id, row.name);
    const plain = cipher.isEncrypted(row.value) ? cipher.decrypt(row.value, context) : row.value;
    await db.query(`UPDATE tenant_secret SET value = $3 WHERE tenant_id = $1 AND name = $2`, [
      row.tenant_id,
      row.name,
      cipher.encrypt(plain, context),
    ]);
  }
  return found.length;
}
