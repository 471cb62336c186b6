import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { hmacSm3 } from '../../../api/src/common/crypto/guomi.js';
import {
  AUDIT_RECORD_COLUMNS,
  chainMac,
  storedRecord,
  verifyChain,
  type ChainCheck,
} from '../../../api/src/modules/audit/audit-chain.js';
import { sealPending } from '../../../api/src/modules/audit/audit-seal.js';
import type { CliCommand, CliIo } from '../command.js';
import { auditFromCli, cliAuditKey, clientSql } from './cli-audit.js';
import { CliFailure, readOptions, withAppDatabase } from './tenant-database.js';

const USAGE = `audit check [--tenant <code>]                  verify each tenant's audit chain
      audit archive --tenant <code> --older-than-days <N> --out <dir>   (N ≥ ${180}) signed archive, then removal
      audit check-archive --file <archive.jsonl>       verify an archive file against its .sm3 signature`;

/** 网络安全法 §21: network logs are kept at least six months. */
export const MIN_RETENTION_DAYS = 180;

const REASONS: Record<string, string> = {
  missing: 'record missing (deleted or the chain was cut)',
  altered: 'record altered after it was written',
  unsealed: 'record without a valid chain entry (inserted directly)',
};

function describe(code: string, c: ChainCheck): string {
  const base = `${code}: ${c.verified} records verified through #${c.lastSeq}`;
  const extra = [
    c.archivedThrough ? `archived through #${c.archivedThrough}` : '',
    c.unchained ? `${c.unchained} records from before the chain` : '',
    c.pending ? `${c.pending} records not sealed yet` : '',
  ].filter(Boolean);
  const head = extra.length ? `${base} (${extra.join(', ')})` : base;
  if (!c.firstBreak) return `${head}: OK\n`;
  const b = c.firstBreak;
  return `${head}: BROKEN at #${b.seq}${b.id ? ` (id ${b.id}, ${b.at?.toISOString()})` : ''}: ${REASONS[b.reason]}\n`;
}

async function check(client: pg.Client, tenantCode: string | undefined, io: CliIo): Promise<number> {
  const { rows: tenants } = await client.query<{ id: string; code: string }>(
    `SELECT id, code FROM tenant ${tenantCode ? 'WHERE code = $1' : ''} ORDER BY code`,
    tenantCode ? [tenantCode] : [],
  );
  if (tenantCode && !tenants.length) throw new CliFailure(`no tenant with code "${tenantCode}"`);
  const key = cliAuditKey();
  let broken = 0;
  const sql = clientSql(client);
  for (const t of tenants) {
    // What is pending is sealed first (the API's seal of this tenant, if one runs, is waited for).
    await inTransaction(client, 'BEGIN', () => sealPending(sql, key, t.id, { wait: true }));
    const result = await inTransaction(client, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', () =>
      verifyChain(sql, key, t.id),
    );
    if (!result.ok) broken++;
    io.stdout(describe(t.code, result));
  }
  return broken ? 1 : 0;
}

async function inTransaction<T>(client: pg.Client, begin: string, work: () => Promise<T>): Promise<T> {
  await client.query(begin);
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The archive's signature file: HMAC-SM3 under the audit key of the archive's exact bytes. */
const signaturePath = (file: string) => `${file}.sm3`;

/**
 * Writes the tenant's records older than N days to `<dir>/audit-<code>-<from>-<through>.jsonl` (a header
 * line, then one record per line with its MAC) and its signature, then deletes them; the chain head keeps
 * the last archived MAC so the remaining chain verifies from that boundary. Refuses when the chain is
 * broken: an archive must not launder a tampered record.
 */
async function archive(client: pg.Client, o: { tenant: string; days: number; out: string }, io: CliIo) {
  const key = cliAuditKey();
  const sql = clientSql(client);
  await client.query('BEGIN');
  try {
    const { rows: found } = await client.query<{ id: string }>(`SELECT id FROM tenant WHERE code = $1`, [o.tenant]);
    if (!found.length) throw new CliFailure(`no tenant with code "${o.tenant}"`);
    const tenantId = found[0].id;
    // Sealed first (the head stays locked to the end), so nothing older than the cut is left out of the
    // archive for want of a number.
    await sealPending(sql, key, tenantId, { wait: true });
    const { rows: heads } = await client.query(
      `SELECT archived_through::text AS archived_through, archived_mac FROM audit_chain WHERE tenant_id = $1 FOR UPDATE`,
      [tenantId],
    );
    if (!heads.length) {
      io.stdout(`${o.tenant}: no audit records\n`);
      await client.query('ROLLBACK');
      return;
    }
    const checked = await verifyChain(sql, key, tenantId);
    if (!checked.ok)
      throw new CliFailure(`the audit chain is broken: ${describe(o.tenant, checked).trim()}; archive refused`);
    const { rows: records } = await client.query(
      `SELECT ${AUDIT_RECORD_COLUMNS} FROM audit_log
        WHERE tenant_id = $1 AND seq <= (SELECT max(seq) FROM audit_log WHERE tenant_id = $1 AND at < now() - make_interval(days => $2))
        ORDER BY audit_log.seq`,
      [tenantId, o.days],
    );
    if (!records.length) {
      io.stdout(`${o.tenant}: no audit records older than ${o.days} days\n`);
      await client.query('ROLLBACK');
      return;
    }
    const first = Number(records[0].seq);
    const last = records[records.length - 1];
    const header = {
      kind: 'duban-audit-archive',
      version: 1,
      tenantId,
      tenantCode: o.tenant,
      fromSeq: first,
      throughSeq: Number(last.seq),
      previousMac: Number(heads[0].archived_through) > 0 ? heads[0].archived_mac : null,
      records: records.length,
      createdAt: new Date().toISOString(),
    };
    const lines = [JSON.stringify(header), ...records.map((r) => JSON.stringify({ ...r, at: r.at.toISOString() }))];
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    mkdirSync(o.out, { recursive: true });
    const file = path.join(path.resolve(o.out), `audit-${o.tenant}-${first}-${header.throughSeq}.jsonl`);
    const signature = hmacSm3(key, bytes).toString('hex');
    writeFileSync(file, bytes, { flag: 'wx', mode: 0o600 });
    writeFileSync(signaturePath(file), `${signature}  ${path.basename(file)}\n`, { flag: 'wx', mode: 0o600 });
    await client.query(
      `INSERT INTO audit_archive (tenant_id, through_seq, through_at, last_mac, records, file_name, file_mac)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantId, header.throughSeq, last.at, last.mac, records.length, path.basename(file), signature],
    );
    // The one deletion the append-only trigger lets through, and only outside the tenant role.
    await client.query(`SELECT set_config('duban.audit_archive', 'archived', true)`);
    await client.query(`DELETE FROM audit_log WHERE tenant_id = $1 AND seq <= $2`, [tenantId, header.throughSeq]);
    await client.query(`UPDATE audit_chain SET archived_through = $2, archived_mac = $3 WHERE tenant_id = $1`, [
      tenantId,
      header.throughSeq,
      last.mac,
    ]);
    await auditFromCli(client, tenantId, [
      {
        entityType: 'tenant',
        entityId: tenantId,
        action: 'audit.archive',
        after: {
          fromSeq: first,
          throughSeq: header.throughSeq,
          records: records.length,
          file: path.basename(file),
          signature,
        },
      },
    ]);
    await client.query('COMMIT');
    io.stdout(`${o.tenant}: archived ${records.length} records (#${first}–#${header.throughSeq}) to ${file}\n`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** An archive verifies when its signature matches its bytes and its records chain from its header's MAC. */
export function checkArchive(file: string, key: string): string {
  const bytes = readFileSync(file);
  const signature = readFileSync(signaturePath(file), 'utf8').trim().split(/\s+/)[0];
  if (hmacSm3(key, bytes).toString('hex') !== signature)
    throw new CliFailure(`${path.basename(file)}: the signature does not match the file (altered, or another key)`);
  const [headerLine, ...lines] = bytes.toString('utf8').trimEnd().split('\n');
  const header = JSON.parse(headerLine);
  let previous: string | null = header.previousMac;
  let expected = header.fromSeq;
  for (const line of lines) {
    const row = JSON.parse(line);
    const record = storedRecord(row);
    if (record.seq !== expected) throw new CliFailure(`${path.basename(file)}: record #${expected} missing`);
    if (chainMac(key, previous, record) !== row.mac)
      throw new CliFailure(`${path.basename(file)}: record #${expected} altered`);
    previous = row.mac;
    expected++;
  }
  return `${path.basename(file)}: signature and chain OK, ${lines.length} records #${header.fromSeq}–#${header.throughSeq} of ${header.tenantCode} (sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}…)\n`;
}

export const auditCommand: CliCommand = {
  summary: 'verify the audit chain, archive records older than the retention period, verify an archive',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    const fail = (message: string) => {
      io.stderr(`${message}\nusage: ${USAGE}\n`);
      return 2;
    };
    try {
      if (sub === 'check') {
        const o = readOptions(rest, ['tenant']);
        if (typeof o === 'string') return fail(o);
        return await withAppDatabase((client) => check(client, o.tenant?.trim().toLowerCase(), io));
      }
      if (sub === 'archive') {
        const o = readOptions(rest, ['tenant', 'older-than-days', 'out']);
        if (typeof o === 'string') return fail(o);
        if (!o.tenant || !o['older-than-days'] || !o.out) return fail('missing --tenant, --older-than-days or --out');
        const days = Number(o['older-than-days']);
        if (!Number.isInteger(days) || days < MIN_RETENTION_DAYS)
          return fail(`--older-than-days must be a whole number of at least ${MIN_RETENTION_DAYS} (网络安全法 §21)`);
        await withAppDatabase((client) =>
          archive(client, { tenant: o.tenant.trim().toLowerCase(), days, out: o.out }, io),
        );
        return 0;
      }
      if (sub === 'check-archive') {
        const o = readOptions(rest, ['file']);
        if (typeof o === 'string' || !o.file) return fail(typeof o === 'string' ? o : 'missing --file');
        io.stdout(checkArchive(o.file, cliAuditKey()));
        return 0;
      }
      return fail(sub ? `unknown subcommand: ${sub}` : 'missing subcommand');
    } catch (error) {
      io.stderr(
        `${error instanceof CliFailure ? '' : 'failed: '}${(error as Error).message.replace(/\s*\n\s*/g, ' ')}\n`,
      );
      return 1;
    }
  },
};
