import { readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase } from '../../../api/test/test-database.js';
import { appendAudit, chainMac, type ChainedRecord } from '../../../api/src/modules/audit/audit-chain.js';
import { runCli } from '../../test/run-cli.js';
import { clientSql } from './cli-audit.js';

const KEY = 'audit-key-for-the-cli-test-0123456789abcdef';
const scratch = mkdtempSync(path.join(tmpdir(), 'duban-audit-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cli = (env: Record<string, string>, ...args: string[]) => runCli(scratch, env, ...args);

describe('cli audit: check, archive older than the retention period, check an archive', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: pg.Client;
  let env: Record<string, string>;
  let tenantId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    env = { DATABASE_URL: database.url, AUDIT_HMAC_KEY: KEY };
    tenantId = (
      await db.query(`INSERT INTO tenant (code, name) VALUES ('anshan', '鞍山市人民政府办公室') RETURNING id`)
    ).rows[0].id;
    // Three records written 200 days ago (sealed as the app would have then), two written now.
    const dayMicros = 86_400_000_000n;
    const old = BigInt(Date.now()) * 1000n - 200n * dayMicros;
    let previous: string | null = null;
    for (let seq = 1; seq <= 3; seq++) {
      const record: ChainedRecord = {
        tenantId,
        seq,
        atMicros: String(old + BigInt(seq)),
        actorId: null,
        entityType: 'tenant',
        entityId: tenantId,
        action: 'old.thing',
        result: 'success',
        ip: '10.0.0.1',
        userAgent: null,
        before: null,
        after: { seq },
        note: null,
      };
      previous = chainMac(KEY, previous, record);
      await db.query(
        `INSERT INTO audit_log (tenant_id, entity_type, entity_id, action, after, ip, seq, mac, at)
         VALUES ($1, 'tenant', $1, 'old.thing', $2, '10.0.0.1', $3, $4, timestamptz 'epoch' + $5::bigint * interval '1 microsecond')`,
        [tenantId, JSON.stringify({ seq }), seq, previous, record.atMicros],
      );
    }
    await db.query(`INSERT INTO audit_chain (tenant_id, seq, mac) VALUES ($1, 3, $2)`, [tenantId, previous]);
    await db.query('BEGIN');
    await appendAudit(clientSql(db), KEY, { tenantId, actorId: null }, [
      { entityType: 'tenant', entityId: tenantId, action: 'new.thing' },
      { entityType: 'tenant', entityId: tenantId, action: 'new.thing', after: { n: 2 } },
    ]);
    await db.query('COMMIT');
  });
  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  it('checks, refuses a retention below 180 days, archives the old records signed, and the rest still verifies', async () => {
    const ok = await cli(env, 'audit', 'check', '--tenant', 'anshan');
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toMatch(/anshan: 5 records verified through #5: OK/);
    const wrongKey = await cli(
      { ...env, AUDIT_HMAC_KEY: 'another-key-of-enough-length-000000000000' },
      'audit',
      'check',
    );
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stdout).toMatch(/anshan: .*BROKEN at #1 .*altered/);

    const tooShort = await cli(
      env,
      'audit',
      'archive',
      '--tenant',
      'anshan',
      '--older-than-days',
      '30',
      '--out',
      scratch,
    );
    expect(tooShort.code).toBe(2);
    expect(tooShort.stderr).toMatch(/at least 180/);

    const out = path.join(scratch, 'archive');
    const archived = await cli(env, 'audit', 'archive', '--tenant', 'anshan', '--older-than-days', '180', '--out', out);
    expect(archived).toMatchObject({ code: 0, stderr: '' });
    expect(archived.stdout).toMatch(/archived 3 records \(#1–#3\)/);
    expect(readdirSync(out).sort()).toEqual(['audit-anshan-1-3.jsonl', 'audit-anshan-1-3.jsonl.sm3']);
    const left = await db.query(`SELECT seq::int, action FROM audit_log WHERE tenant_id = $1 ORDER BY seq`, [tenantId]);
    expect(left.rows).toEqual([
      { seq: 4, action: 'new.thing' },
      { seq: 5, action: 'new.thing' },
      { seq: 6, action: 'audit.archive' },
    ]);
    const after = await cli(env, 'audit', 'check', '--tenant', 'anshan');
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/3 records verified through #6 \(archived through #3\): OK/);

    const file = path.join(out, 'audit-anshan-1-3.jsonl');
    const good = await cli(env, 'audit', 'check-archive', '--file', file);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/signature and chain OK, 3 records #1–#3/);
    writeFileSync(file, readFileSync(file, 'utf8').replace('10.0.0.1', '10.0.0.2'));
    const tampered = await cli(env, 'audit', 'check-archive', '--file', file);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/signature does not match/);
  }, 90_000);

  it('says where the chain breaks after a direct edit', async () => {
    await db.query('BEGIN');
    await db.query(`SET LOCAL session_replication_role = replica`);
    await db.query(`UPDATE audit_log SET after = '{"n": 3}' WHERE tenant_id = $1 AND seq = 5`, [tenantId]);
    await db.query('COMMIT');
    const r = await cli(env, 'audit', 'check', '--tenant', 'anshan');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /anshan: 1 records verified through #6 \(archived through #3\): BROKEN at #5 \(id \d+, .*\): record altered/,
    );
  }, 60_000);
});
