import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from '../tenant-row-security.js';

/**
 * 等保 安全审计 (issue 22): every audit record says its result and, for sign-ins, where from; records
 * are numbered per tenant and chained by HMAC-SM3 (see modules/audit/audit-chain.ts) through a
 * per-tenant chain head that appends lock. Records written before this migration keep no MAC: the
 * chain starts after them (`chained_from`) and the check reports them as such.
 *
 * The append-only trigger gains one way through: the operator's archive command, which deletes records
 * it has first written to a signed archive, says so with a transaction-local setting the tenant role
 * cannot use (the trigger looks at the role too).
 */
export class AuditChain1766400000000 implements MigrationInterface {
  name = 'AuditChain1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_log
        ADD COLUMN result text NOT NULL DEFAULT 'success' CHECK (result IN ('success', 'failure')),
        ADD COLUMN ip text,
        ADD COLUMN user_agent text,
        ADD COLUMN seq bigint,
        ADD COLUMN mac text`);
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await q.query(`
      UPDATE audit_log a SET seq = n.seq
        FROM (SELECT tenant_id, id, row_number() OVER (PARTITION BY tenant_id ORDER BY id) AS seq FROM audit_log) n
       WHERE a.tenant_id = n.tenant_id AND a.id = n.id`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX audit_log_seq_uq ON audit_log (tenant_id, seq)`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (tenant_id, at)`);
    await q.query(`CREATE INDEX audit_log_action_idx ON audit_log (tenant_id, action, at)`);
    await q.query(`
      CREATE TABLE audit_chain (
        tenant_id uuid PRIMARY KEY REFERENCES tenant(id) ON DELETE CASCADE,
        seq bigint NOT NULL DEFAULT 0,
        mac text,
        chained_from bigint NOT NULL DEFAULT 0,
        archived_through bigint NOT NULL DEFAULT 0,
        archived_mac text
      )`);
    await enableTenantRowSecurity(q, 'audit_chain');
    await q.query(`
      INSERT INTO audit_chain (tenant_id, seq, chained_from)
      SELECT t.id, coalesce(max(a.seq), 0), coalesce(max(a.seq), 0)
        FROM tenant t LEFT JOIN audit_log a ON a.tenant_id = t.id GROUP BY t.id`);
    await q.query(`
      CREATE TABLE audit_archive (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT now(),
        through_seq bigint NOT NULL,
        through_at timestamptz NOT NULL,
        last_mac text,
        records integer NOT NULL,
        file_name text NOT NULL,
        file_mac text NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await enableTenantRowSecurity(q, 'audit_archive');
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('duban.audit_archive', true) = 'archived'
           AND current_user <> 'duban_tenant' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await q.query(`DROP TABLE audit_archive`);
    await q.query(`DROP TABLE audit_chain`);
    await q.query(`DROP INDEX audit_log_action_idx`);
    await q.query(`DROP INDEX audit_log_at_idx`);
    await q.query(`DROP INDEX audit_log_seq_uq`);
    await q.query(
      `ALTER TABLE audit_log DROP COLUMN mac, DROP COLUMN seq, DROP COLUMN user_agent, DROP COLUMN ip, DROP COLUMN result`,
    );
  }
}
