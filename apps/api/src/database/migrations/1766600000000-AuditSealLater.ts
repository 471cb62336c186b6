import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit records are no longer chained inside the business transaction (issue 22, after the failover
 * test found every write of a tenant queueing on its chain head): they are written unsealed with a row
 * MAC, and sealed (numbered and chained) shortly after in short transactions of their own (see
 * modules/audit/audit-seal.ts). So `seq` is null until the seal, a partial index finds what waits, and
 * the append-only trigger lets exactly one UPDATE through: the seal, which sets the number and chain
 * MAC of a record that had none and changes nothing else.
 */
// The rest of the trigger as 1766400000000-AuditChain left it: the operator's archive may delete.
const ARCHIVE_OR_REFUSE = `IF TG_OP = 'DELETE' AND current_setting('duban.audit_archive', true) = 'archived'
           AND current_user <> 'duban_tenant' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only';`;

export class AuditSealLater1766600000000 implements MigrationInterface {
  name = 'AuditSealLater1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ALTER COLUMN seq DROP NOT NULL, ADD COLUMN row_mac text`);
    await q.query(`CREATE INDEX audit_log_pending_idx ON audit_log (tenant_id, id) WHERE seq IS NULL`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND OLD.mac IS NULL AND NEW.seq IS NOT NULL
           AND to_jsonb(NEW) - 'seq' - 'mac' = to_jsonb(OLD) - 'seq' - 'mac' THEN
          RETURN NEW;
        END IF;
        ${ARCHIVE_OR_REFUSE}
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Records still waiting for their seal are numbered after each tenant's head without a MAC (the
    // earlier design cannot chain them here without the key); the check reports them as unsealed.
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await q.query(`
      UPDATE audit_log a SET seq = n.seq
        FROM (SELECT l.tenant_id, l.id, coalesce(c.seq, 0) + row_number() OVER (PARTITION BY l.tenant_id ORDER BY l.id) AS seq
                FROM audit_log l LEFT JOIN audit_chain c ON c.tenant_id = l.tenant_id WHERE l.seq IS NULL) n
       WHERE a.tenant_id = n.tenant_id AND a.id = n.id`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    await q.query(`
      UPDATE audit_chain c SET seq = m.seq FROM (SELECT tenant_id, max(seq) AS seq FROM audit_log GROUP BY tenant_id) m
       WHERE c.tenant_id = m.tenant_id AND m.seq > c.seq`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${ARCHIVE_OR_REFUSE}
      END $$`);
    await q.query(`DROP INDEX audit_log_pending_idx`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN row_mac, ALTER COLUMN seq SET NOT NULL`);
  }
}
