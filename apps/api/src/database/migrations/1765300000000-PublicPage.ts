import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables the public page reads beyond those the scorecard's revision trigger already watches. */
const PUBLIC_TABLES = ['key_point', 'key_point_unit', 'plan_section', 'report_evidence'];

/**
 * The public page of a plan's progress (政务公开): an opt-in flag per plan, and the scorecard's
 * revision trigger on the tables the page shows besides the scored ones, so the page's snapshot (kept in
 * scorecard_cache under its own scope key) is regenerated after any committed change it would show:
 * a renamed key point, a unit added, an evidence page whose check passed.
 */
export class PublicPage1765300000000 implements MigrationInterface {
  name = 'PublicPage1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan ADD COLUMN public_page boolean NOT NULL DEFAULT false`);
    for (const table of PUBLIC_TABLES) {
      await q.query(`
        CREATE CONSTRAINT TRIGGER scorecard_revision_bump AFTER INSERT OR UPDATE OR DELETE ON ${table}
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION scorecard_bump_revision()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of PUBLIC_TABLES) await q.query(`DROP TRIGGER scorecard_revision_bump ON ${table}`);
    await q.query(`ALTER TABLE plan DROP COLUMN public_page`);
  }
}
