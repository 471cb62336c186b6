import { fieldCipher } from '../../../api/src/common/crypto/field-keys.js';
import { loadConfig } from '../../../api/src/config/app-config.js';
import { sealTenantSecrets } from '../../../api/src/modules/messaging/secrets/seal-secrets.js';
import type { CliCommand } from '../command.js';
import { withAppDatabase } from './tenant-database.js';

const USAGE = 'secrets rekey      re-encrypt every stored secret under the newest key of FIELD_KEYS';

/** Key rotation: add a key at the end of FIELD_KEYS, restart the API, run this, then drop the old key. */
export const secretsCommand: CliCommand = {
  summary: 're-encrypt stored secrets (SM4) under the newest key',
  usage: USAGE,
  async run(args, io) {
    if (args.length !== 1 || args[0] !== 'rekey') {
      io.stderr(`usage: ${USAGE}\n`);
      return 2;
    }
    try {
      const cipher = fieldCipher(loadConfig(process.env));
      const count = await withAppDatabase(async (client) => {
        await client.query('BEGIN');
        try {
          const n = await sealTenantSecrets(
            { query: async (text, params) => (await client.query(text, params)).rows },
            cipher,
          );
          await client.query('COMMIT');
          return n;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      });
      io.stdout(`re-encrypted ${count} secrets under key ${cipher.newestKeyId}\n`);
      return 0;
    } catch (error) {
      io.stderr(`failed: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 1;
    }
  },
};
