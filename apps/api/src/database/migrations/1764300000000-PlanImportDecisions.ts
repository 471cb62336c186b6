import type { MigrationInterface, QueryRunner } from 'typeorm';
import { docNumberKey, sourceTextHash } from '../../modules/plan/import/document-identity.js';

/**
 * Import decisions that outlive one draft:
 * - unit_name_alias: what the office decided a unit name as written means (one unit, several, every
 *   unit of a kind, or "drop it"), per tenant, keyed by the normalised name, applied at the next import.
 *   unit_ids has no foreign key (arrays cannot have one): a unit deleted since is skipped when applied.
 * - plan.doc_key / plan.source_hash: the normalised 文号 and a hash of the text, so a document imported
 *   before is found with one indexed lookup (existing plans are backfilled here).
 */
export class PlanImportDecisions1764300000000 implements MigrationInterface {
  name = 'PlanImportDecisions1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unit_name_alias (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        name_key text NOT NULL,
        action text NOT NULL CHECK (action IN ('UNITS','KIND','DROP')),
        unit_ids uuid[] NOT NULL DEFAULT '{}',
        kind text CHECK (kind IN ('DEPARTMENT','CITY_GOV','COUNTY_GOV','AGENCY','TOWN','OFFICE','OTHER')),
        decided_by uuid,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, name_key),
        FOREIGN KEY (tenant_id, decided_by) REFERENCES app_user(tenant_id, id) ON DELETE SET NULL (decided_by),
        CHECK ((action = 'KIND') = (kind IS NOT NULL)),
        CHECK (action <> 'UNITS' OR cardinality(unit_ids) > 0)
      )`);
    await q.query(`ALTER TABLE plan ADD COLUMN doc_key text, ADD COLUMN source_hash text`);
    const plans: { tenant_id: string; id: string; doc_number: string | null; source_text: string | null }[] =
      await q.query(`SELECT tenant_id, id, doc_number, source_text FROM plan`);
    for (const p of plans) {
      await q.query(`UPDATE plan SET doc_key = $3, source_hash = $4 WHERE tenant_id = $1 AND id = $2`, [
        p.tenant_id,
        p.id,
        docNumberKey(p.doc_number),
        sourceTextHash(p.source_text),
      ]);
    }
    await q.query(`CREATE INDEX plan_doc_key_idx ON plan (tenant_id, doc_key) WHERE doc_key IS NOT NULL`);
    await q.query(`CREATE INDEX plan_source_hash_idx ON plan (tenant_id, source_hash) WHERE source_hash IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX plan_source_hash_idx`);
    await q.query(`DROP INDEX plan_doc_key_idx`);
    await q.query(`ALTER TABLE plan DROP COLUMN source_hash, DROP COLUMN doc_key`);
    await q.query(`DROP TABLE unit_name_alias`);
  }
}
