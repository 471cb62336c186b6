import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenant's working-day calendar corrections, the escalation ledger the daily job writes, and the
 * notification centre. The ledger's unique key is what makes the daily run idempotent: a step is
 * acted on only by the transaction whose INSERT created its row, however many processes run it.
 */
export class CalendarJobsNotifications1763856600000 implements MigrationInterface {
  name = 'CalendarJobsNotifications1763856600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_correction (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        date date NOT NULL,
        workday boolean NOT NULL,
        note text NOT NULL DEFAULT '',
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, date),
        FOREIGN KEY (tenant_id, created_by) REFERENCES app_user(tenant_id, id)
      )`);
    // Years the office has checked by hand against the State Council's notice.
    await q.query(`
      CREATE TABLE calendar_year (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        confirmed_by uuid,
        confirmed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, year),
        FOREIGN KEY (tenant_id, confirmed_by) REFERENCES app_user(tenant_id, id)
      )`);
    // anchor_date: the due date the step belongs to (an approved delay restarts the ladder), or the
    // report period's deadline for report events.
    await q.query(`
      CREATE TABLE escalation_step (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL,
        step text NOT NULL CHECK (step IN ('DUE_SOON','REMIND','OVERDUE','URGE','SUPERVISE','REPORT_DUE','REPORT_MISSING')),
        anchor_date date NOT NULL,
        taken_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, task_id, step, anchor_date),
        FOREIGN KEY (tenant_id, task_id) REFERENCES task(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE notification (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('DUE_SOON','REMIND','OVERDUE','URGE','SUPERVISE','REPORT_DUE','REPORT_MISSING')),
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        task_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        digest_sent_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES app_user(tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, task_id) REFERENCES task(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (tenant_id, user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (tenant_id, user_id) WHERE read_at IS NULL`);
    await q.query(
      `CREATE INDEX notification_digest_idx ON notification (tenant_id, user_id) WHERE digest_sent_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE notification_preference (
        tenant_id uuid NOT NULL,
        user_id uuid NOT NULL,
        email_digest boolean NOT NULL DEFAULT true,
        muted_kinds text[] NOT NULL DEFAULT '{}',
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, user_id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES app_user(tenant_id, id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'notification_preference',
      'notification',
      'escalation_step',
      'calendar_year',
      'calendar_correction',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
