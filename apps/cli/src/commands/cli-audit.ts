import type pg from 'pg';
import { loadConfig } from '../../../api/src/config/app-config.js';
import { appendAudit, type AuditEntry, type SqlRows } from '../../../api/src/modules/audit/audit-chain.js';
import { auditKey } from '../../../api/src/modules/audit/audit-key.js';

export const clientSql =
  (client: pg.Client): SqlRows =>
  async (text, params) =>
    (await client.query(text, params)).rows;

/** The audit chain's key as the API has it (AUDIT_HMAC_KEY, or the one in DATA_DIR). */
export const cliAuditKey = () => auditKey(loadConfig(process.env));

/** Records what an operator did from the command line (no acting user; note 'cli'), in the open transaction. */
export function auditFromCli(client: pg.Client, tenantId: string, entries: AuditEntry[]): Promise<void> {
  return appendAudit(
    clientSql(client),
    cliAuditKey(),
    { tenantId, actorId: null },
    entries.map((e) => ({ note: 'cli', ...e })),
  );
}
