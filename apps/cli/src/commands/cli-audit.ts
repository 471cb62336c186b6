import type pg from 'pg';
import { loadConfig } from '../../../api/src/config/app-config.js';
import { appendAudit, type AuditEntry, type SqlRows } from '../../../api/src/modules/audit/audit-chain.js';
import { sealPending } from '../../../api/src/modules/audit/audit-seal.js';
import { auditKey } from '../../../api/src/modules/audit/audit-key.js';

export const clientSql =
  (client: pg.Client): SqlRows =>
  async (text, params) =>
    (await client.query(text, params)).rows;

/** The audit chain's key as the API has it (AUDIT_HMAC_KEY, or the one in DATA_DIR). */
export const cliAuditKey = () => auditKey(loadConfig(process.env));

/**
 * Records what an operator did from the command line (no acting user; note 'cli') in the open
 * transaction, and seals it there: an operator's command is short and rare, so holding the chain head
 * until it commits costs nobody a wait worth the API's sweep.
 */
export async function auditFromCli(client: pg.Client, tenantId: string, entries: AuditEntry[]): Promise<void> {
  const key = cliAuditKey();
  const sql = clientSql(client);
  await appendAudit(
    sql,
    key,
    { tenantId, actorId: null },
    entries.map((e) => ({ note: 'cli', ...e })),
  );
  await sealPending(sql, key, tenantId, { wait: true });
}
