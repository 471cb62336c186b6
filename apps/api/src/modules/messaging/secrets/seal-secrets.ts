import type { FieldCipher } from '../../../common/crypto/field-cipher.js';
import { sealColumn, type SealedColumn } from '../../../common/crypto/sealed-column.js';
import { secretContext } from './secret-context.js';

type Sql = { query(sql: string, parameters?: unknown[]): Promise<any> };

/** tenant_secret.value for sealColumn: what is not SM4 yet is plaintext from before encryption. */
export const tenantSecretColumn: SealedColumn = {
  table: 'tenant_secret',
  key: ['tenant_id', 'name'],
  column: 'value',
  context: (row) => secretContext(row.tenant_id, row.name),
  legacy: (stored) => stored,
};

/**
 * Brings every tenant secret under the cipher's newest key: plaintext left from before encryption
 * (the migration's case) and values under an older key (`npm run cli -- secrets rekey` after adding a
 * key). Runs over all tenants, outside any tenant's scope; returns how many values it rewrote.
 */
export function sealTenantSecrets(db: Sql, cipher: FieldCipher): Promise<number> {
  return sealColumn(db, cipher, tenantSecretColumn);
}
