import { AUDIT_RECORD_COLUMNS, chainMac, rowMac, storedRecord, type SqlRows } from './audit-chain.js';

export interface SealResult {
  /** Records numbered and chained. */
  sealed: number;
  /** Records numbered without a chain MAC because their row MAC was wrong: written around Duban. */
  refused: number;
}

/**
 * Locks the tenant's chain head for this transaction (creating it for a tenant's first seal). Without
 * `wait`, a head another transaction is sealing under is skipped (null): that seal is short, and the
 * records it leaves are taken by the next one.
 */
async function lockHead(sql: SqlRows, tenantId: string, wait: boolean) {
  const select = () =>
    sql(`SELECT seq::text AS seq, mac FROM audit_chain WHERE tenant_id = $1 FOR UPDATE${wait ? '' : ' SKIP LOCKED'}`, [
      tenantId,
    ]);
  let [head] = await select();
  if (!head) {
    const created = await sql(
      `INSERT INTO audit_chain (tenant_id) VALUES ($1) ON CONFLICT (tenant_id) DO NOTHING RETURNING tenant_id`,
      [tenantId],
    );
    if (!created.length && !wait) return null;
    [head] = await select();
  }
  return { seq: Number(head.seq), mac: head.mac as string | null };
}

/**
 * Seals the tenant's pending records in id order: each gets the next number and its chain MAC, and the
 * head moves to the last. Must run in its own short transaction (the head stays locked until it ends);
 * returns null when another seal holds the head and `wait` is not set.
 */
export async function sealPending(
  sql: SqlRows,
  key: string,
  tenantId: string,
  opts: { wait?: boolean; batch?: number } = {},
): Promise<SealResult | null> {
  const batch = opts.batch ?? 1000;
  const head = await lockHead(sql, tenantId, opts.wait ?? false);
  if (!head) return null;
  let { seq, mac: previous } = head;
  const result: SealResult = { sealed: 0, refused: 0 };
  for (;;) {
    const page = await sql(
      `SELECT ${AUDIT_RECORD_COLUMNS}, row_mac FROM audit_log WHERE tenant_id = $1 AND seq IS NULL ORDER BY id LIMIT $2`,
      [tenantId, batch],
    );
    if (!page.length) break;
    const ids: string[] = [];
    const seqs: number[] = [];
    const macs: (string | null)[] = [];
    for (const row of page) {
      const record = { ...storedRecord(row), seq: ++seq };
      // A record without a valid row MAC did not come from Duban: it is numbered, so the check finds it
      // in its place, but never chained, and the chain goes on from the last genuine record.
      const genuine = row.row_mac === rowMac(key, record);
      const mac = genuine ? chainMac(key, previous, record) : null;
      if (mac) previous = mac;
      result[genuine ? 'sealed' : 'refused']++;
      ids.push(row.id);
      seqs.push(seq);
      macs.push(mac);
    }
    await sql(
      `UPDATE audit_log a SET seq = s.seq, mac = s.mac
         FROM unnest($2::bigint[], $3::bigint[], $4::text[]) AS s(id, seq, mac)
        WHERE a.tenant_id = $1 AND a.id = s.id`,
      [tenantId, ids, seqs, macs],
    );
    if (page.length < batch) break;
  }
  if (result.sealed + result.refused)
    await sql(`UPDATE audit_chain SET seq = $2, mac = $3 WHERE tenant_id = $1`, [tenantId, seq, previous]);
  return result;
}
