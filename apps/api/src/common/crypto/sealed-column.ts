import type { FieldCipher } from './field-cipher.js';

type Sql = { query(sql: string, parameters?: unknown[]): Promise<any> };
type Row = Record<string, string>;

/**
 * A column whose values are stored under FIELD_KEYS (SM4-CBC + HMAC-SM3, see field-cipher.ts), told
 * as data so one routine brings any of them under the newest key: the migrations that encrypt what
 * was stored before, and `npm run cli -- secrets rekey` after a key is added.
 */
export interface SealedColumn {
  table: string;
  /** The columns that name a row. */
  key: readonly string[];
  column: string;
  /** What a value is bound to: its row (a ciphertext moved to another row fails its MAC). */
  context(row: Row): string;
  /** The plaintext of a stored value that is not SM4 yet: plaintext from before, or an older scheme. */
  legacy(stored: string, row: Row): string;
  /** Columns computed from the plaintext and rewritten with it (a blind index). */
  derived?(plain: string, row: Row): Record<string, unknown>;
}

/**
 * Re-encrypts every value of the column not under the newest key, a batch at a time (a table of any
 * size stays within memory), in the caller's transaction: all or nothing. Running it again finds
 * nothing to do. Returns how many values it rewrote.
 */
export async function sealColumn(db: Sql, cipher: FieldCipher, spec: SealedColumn, batch = 500): Promise<number> {
  const keys = spec.key.map((k) => `${k}::text AS "${k}"`).join(', ');
  let done = 0;
  for (;;) {
    const found: Row[] = await db.query(
      `SELECT ${keys}, ${spec.column} AS value FROM ${spec.table}
        WHERE ${spec.column} IS NOT NULL AND ${spec.column} NOT LIKE $1
        ORDER BY ${spec.key.join(', ')} LIMIT ${batch} FOR UPDATE`,
      [`sm4:${cipher.newestKeyId}:%`],
    );
    for (const row of found) {
      const context = spec.context(row);
      const plain = cipher.isEncrypted(row.value) ? cipher.decrypt(row.value, context) : spec.legacy(row.value, row);
      const values: Record<string, unknown> = {
        [spec.column]: cipher.encrypt(plain, context),
        ...spec.derived?.(plain, row),
      };
      const names = Object.keys(values);
      const set = names.map((n, i) => `${n} = $${i + 1}`).join(', ');
      const where = spec.key.map((k, i) => `${k} = $${names.length + i + 1}`).join(' AND ');
      await db.query(`UPDATE ${spec.table} SET ${set} WHERE ${where}`, [
        ...names.map((n) => values[n]),
        ...spec.key.map((k) => row[k]),
      ]);
    }
    done += found.length;
    if (found.length < batch) return done;
  }
}

/** The reverse, for a migration's `down`: every SM4 value of the column back to its older form. */
export async function unsealColumn(
  db: Sql,
  cipher: FieldCipher,
  spec: SealedColumn,
  older: (plain: string, row: Row) => string,
): Promise<number> {
  const keys = spec.key.map((k) => `${k}::text AS "${k}"`).join(', ');
  const found: Row[] = await db.query(
    `SELECT ${keys}, ${spec.column} AS value FROM ${spec.table} WHERE ${spec.column} LIKE 'sm4:%'`,
  );
  const where = spec.key.map((k, i) => `${k} = $${i + 2}`).join(' AND ');
  for (const row of found)
    await db.query(`UPDATE ${spec.table} SET ${spec.column} = $1 WHERE ${where}`, [
      older(cipher.decrypt(row.value, spec.context(row)), row),
      ...spec.key.map((k) => row[k]),
    ]);
  return found.length;
}
