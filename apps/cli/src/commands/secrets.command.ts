import { fieldCipher } from '../../../api/src/common/crypto/field-keys.js';
import { personalData } from '../../../api/src/common/crypto/personal-data.js';
import { sealColumn } from '../../../api/src/common/crypto/sealed-column.js';
import { loadConfig } from '../../../api/src/config/app-config.js';
import { totpSecretColumn } from '../../../api/src/modules/auth/totp-seal.js';
import { tenantSecretColumn } from '../../../api/src/modules/messaging/secrets/seal-secrets.js';
import type { CliCommand } from '../command.js';
import { withAppDatabase } from './tenant-database.js';

const USAGE = 'secrets rekey      re-encrypt every stored secret and personal datum under the newest key of FIELD_KEYS';

/**
 * Key rotation: add a key at the end of FIELD_KEYS, restart the API, run this, then drop the old key.
 * It covers every SM4 column: tenant secrets, two-factor secrets, people's phone and e-mail. Each value
 * it rewrites has its blind index recomputed, so a new BLIND_INDEX_KEY goes with a new FIELD_KEYS key.
 */
export const secretsCommand: CliCommand = {
  summary: 're-encrypt stored secrets and personal data (SM4) under the newest key',
  usage: USAGE,
  async run(args, io) {
    if (args.length !== 1 || args[0] !== 'rekey') {
      io.stderr(`usage: ${USAGE}\n`);
      return 2;
    }
    try {
      const config = loadConfig(process.env);
      const cipher = fieldCipher(config);
      const columns = [
        tenantSecretColumn,
        totpSecretColumn(config.totpSecretKey),
        ...personalData(config).sealedColumns(),
      ];
      const counts = await withAppDatabase(async (client) => {
        await client.query('BEGIN');
        try {
          const db = { query: async (text: string, params?: unknown[]) => (await client.query(text, params)).rows };
          const done: string[] = [];
          for (const column of columns)
            done.push(`${column.table}.${column.column} ${await sealColumn(db, cipher, column)}`);
          await client.query('COMMIT');
          return done;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      });
      io.stdout(`re-encrypted under key ${cipher.newestKeyId}: ${counts.join(', ')}\n`);
      return 0;
    } catch (error) {
      io.stderr(`failed: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 1;
    }
  },
};
