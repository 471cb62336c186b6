import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table the scorecard's SQL reads (besides tenant, whose score rules are keyed separately). */
const SCORED_TABLES = ['task', 'progress_report', 'delay_request', 'urge', 'review_item', 'plan', 'unit'];

/**
 * The scorecard's result cache, shared by every API process, with exact invalidation:
 * - scorecard_revision counts the committed writes of a tenant to the tables the scorecard reads. A
 *   trigger bumps it in the writing transaction, so the bump commits (or rolls back) with the write.
 * - scorecard_cache holds the ranked rows per scope, stamped with the revision read in the same
 *   snapshot as the data; a row is used only while its revision is still the tenant's current one.
 *
 * The trigger is a deferred constraint trigger: it fires at commit, so the revision row lock is the
 * last lock a transaction takes (it cannot close a deadlock cycle with task row locks) and is held only
 * for the commit. A transaction-local setting makes every firing after the first for a tenant return at
 * once (publishing a plan inserts thousands of tasks in one transaction). Custom setting names must be
 * dot-separated identifiers, so the tenant id goes in without its dashes.
 *
 * The payload is json, not jsonb: nothing looks inside it, and json hands back the text as written
 * (same key order as computed, no re-serialisation of ~100 kB on every hit).
 */
export class ScorecardCache1763857000000 implements MigrationInterface {
  name = 'ScorecardCache1763857000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scorecard_revision (
        tenant_id uuid PRIMARY KEY REFERENCES tenant(id) ON DELETE CASCADE,
        revision bigint NOT NULL DEFAULT 0
      )`);
    await q.query(`
      CREATE TABLE scorecard_cache (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        scope_key text NOT NULL,
        revision bigint NOT NULL,
        computed_on date NOT NULL,
        rules_key text NOT NULL,
        payload json NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, scope_key)
      )`);
    await q.query(`
      CREATE FUNCTION scorecard_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        tid uuid;
        done_key text;
      BEGIN
        IF TG_OP = 'DELETE' THEN tid := OLD.tenant_id; ELSE tid := NEW.tenant_id; END IF;
        done_key := 'duban.scorecard_bumped_' || replace(tid::text, '-', '');
        IF current_setting(done_key, true) = '1' THEN
          RETURN NULL;
        END IF;
        PERFORM set_config(done_key, '1', true);
        -- A tenant deleted in this transaction (its rows cascading here) has nothing left to cache.
        INSERT INTO scorecard_revision (tenant_id, revision)
          SELECT tid, 1 WHERE EXISTS (SELECT 1 FROM tenant WHERE id = tid)
          ON CONFLICT (tenant_id) DO UPDATE SET revision = scorecard_revision.revision + 1;
        RETURN NULL;
      END $$`);
    for (const table of SCORED_TABLES) {
      await q.query(`
        CREATE CONSTRAINT TRIGGER scorecard_revision_bump AFTER INSERT OR UPDATE OR DELETE ON ${table}
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION scorecard_bump_revision()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of SCORED_TABLES) await q.query(`DROP TRIGGER scorecard_revision_bump ON ${table}`);
    await q.query(`DROP FUNCTION scorecard_bump_revision()`);
    await q.query(`DROP TABLE scorecard_cache`);
    await q.query(`DROP TABLE scorecard_revision`);
  }
}
