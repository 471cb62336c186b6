import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 回头看 (look-back review) of a published plan: one row per review and one item per task under
 * review, with the verdict and the 整改 task it created. Scorecard and exports count
 * `review_item.verdict`, so its values are a CHECK-ed contract. A plan has at most one OPEN review.
 */
export class Review1763856900000 implements MigrationInterface {
  name = 'Review1763856900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL,
        title text NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','COMPLETED')),
        item_count int NOT NULL DEFAULT 0,
        untimed_task_count int NOT NULL DEFAULT 0,
        opened_by uuid NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        completed_by uuid,
        completed_at timestamptz,
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, plan_id) REFERENCES plan(tenant_id, id),
        FOREIGN KEY (tenant_id, opened_by) REFERENCES app_user(tenant_id, id),
        FOREIGN KEY (tenant_id, completed_by) REFERENCES app_user(tenant_id, id),
        CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX review_one_open_per_plan_uq ON review (tenant_id, plan_id) WHERE status = 'OPEN'`,
    );
    await q.query(`CREATE INDEX review_plan_idx ON review (tenant_id, plan_id, opened_at)`);
    await q.query(`
      CREATE TABLE review_item (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL,
        task_id uuid NOT NULL,
        verdict text CHECK (verdict IN ('IMPLEMENTED','PARTIAL','NOT_IMPLEMENTED','NOT_APPLICABLE')),
        notes text,
        evidence_urls text[] NOT NULL DEFAULT '{}',
        file_ids uuid[] NOT NULL DEFAULT '{}',
        reviewer_id uuid,
        reviewed_at timestamptz,
        rectification_task_id uuid,
        rectification_requirement text,
        version int NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, review_id, task_id),
        FOREIGN KEY (tenant_id, review_id) REFERENCES review(tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, task_id) REFERENCES task(tenant_id, id),
        FOREIGN KEY (tenant_id, reviewer_id) REFERENCES app_user(tenant_id, id),
        FOREIGN KEY (tenant_id, rectification_task_id) REFERENCES task(tenant_id, id),
        CHECK ((verdict IS NULL) = (reviewed_at IS NULL))
      )`);
    await q.query(`CREATE INDEX review_item_verdict_idx ON review_item (tenant_id, review_id, verdict)`);
    await q.query(`CREATE INDEX review_item_task_idx ON review_item (tenant_id, task_id)`);
    await q.query(
      `CREATE UNIQUE INDEX review_item_rectification_uq ON review_item (tenant_id, rectification_task_id) WHERE rectification_task_id IS NOT NULL`,
    );
    // Rectification tasks are listed by origin and by the year they run in.
    await q.query(`CREATE INDEX task_origin_idx ON task (tenant_id, origin_task_id) WHERE origin_task_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX task_origin_idx`);
    await q.query(`DROP TABLE review_item`);
    await q.query(`DROP TABLE review`);
  }
}
