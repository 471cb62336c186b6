import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans, key points, tasks, progress reports, files and supervision (delays, urges, 批示).
 * Same rules as the foundation: (tenant_id, id) keys, composite foreign keys, a version column on
 * everything people edit, `date` for calendar days and timestamptz for instants.
 */
export class Core1763856100000 implements MigrationInterface {
  name = 'Core1763856100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        title text NOT NULL,
        doc_number text,
        issuer text,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED','ARCHIVED')),
        source_text text,
        source_filename text,
        parse_warnings text[] NOT NULL DEFAULT '{}',
        parent_plan_id uuid,
        created_by uuid,
        published_at timestamptz,
        published_by uuid,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, parent_plan_id) REFERENCES plan(tenant_id, id)
      )`);
    await q.query(`CREATE INDEX plan_year_idx ON plan (tenant_id, year)`);
    await q.query(`
      CREATE TABLE plan_section (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL,
        label text NOT NULL,
        title text NOT NULL,
        sort int NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, plan_id) REFERENCES plan(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX plan_section_plan_idx ON plan_section (tenant_id, plan_id, sort)`);
    await q.query(`
      CREATE TABLE plan_milestone (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL,
        text text NOT NULL,
        date date,
        sort int NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, plan_id) REFERENCES plan(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE key_point (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL,
        section_id uuid,
        parent_id uuid,
        upper_key_point_id uuid,
        seq int NOT NULL,
        label text NOT NULL DEFAULT '',
        title text NOT NULL,
        text text NOT NULL DEFAULT '',
        due_date date,
        units_open_ended boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, plan_id) REFERENCES plan(tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, section_id) REFERENCES plan_section(tenant_id, id) ON DELETE SET NULL (section_id),
        FOREIGN KEY (tenant_id, parent_id) REFERENCES key_point(tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, upper_key_point_id) REFERENCES key_point(tenant_id, id) ON DELETE SET NULL (upper_key_point_id)
      )`);
    await q.query(`CREATE INDEX key_point_plan_idx ON key_point (tenant_id, plan_id, seq)`);
    await q.query(`
      CREATE TABLE key_point_deadline (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        key_point_id uuid NOT NULL,
        text text NOT NULL,
        date date,
        sort int NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, key_point_id) REFERENCES key_point(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX key_point_deadline_kp_idx ON key_point_deadline (tenant_id, key_point_id, sort)`);
    // The units a key point names: raw_name as written, unit_id once a person (or the resolver) mapped it.
    await q.query(`
      CREATE TABLE key_point_unit (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        key_point_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('LEAD','RESPONSIBLE')),
        raw_name text NOT NULL,
        unit_id uuid,
        sort int NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, key_point_id) REFERENCES key_point(tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, unit_id) REFERENCES unit(tenant_id, id)
      )`);
    await q.query(`CREATE INDEX key_point_unit_kp_idx ON key_point_unit (tenant_id, key_point_id, sort)`);
    await q.query(`
      CREATE TABLE task (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL,
        key_point_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('LEAD','RESPONSIBLE')),
        kind text NOT NULL DEFAULT 'NORMAL' CHECK (kind IN ('NORMAL','RECTIFICATION')),
        origin_task_id uuid,
        status text NOT NULL DEFAULT 'NOT_STARTED'
          CHECK (status IN ('NOT_STARTED','IN_PROGRESS','SUBMITTED','RETURNED','DONE','CLOSED')),
        assigned_on date NOT NULL,
        due_date date NOT NULL,
        original_due_date date NOT NULL,
        progress int NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        completed_at timestamptz,
        accepted_at timestamptz,
        closed_at timestamptz,
        last_report_at timestamptz,
        urge_count int NOT NULL DEFAULT 0,
        light text NOT NULL DEFAULT 'GREEN',
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, plan_id) REFERENCES plan(tenant_id, id),
        FOREIGN KEY (tenant_id, key_point_id) REFERENCES key_point(tenant_id, id),
        FOREIGN KEY (tenant_id, unit_id) REFERENCES unit(tenant_id, id),
        FOREIGN KEY (tenant_id, origin_task_id) REFERENCES task(tenant_id, id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX task_assignment_uq ON task (tenant_id, key_point_id, unit_id) WHERE kind = 'NORMAL'`,
    );
    await q.query(`CREATE INDEX task_plan_idx ON task (tenant_id, plan_id, due_date, id)`);
    await q.query(`CREATE INDEX task_unit_idx ON task (tenant_id, unit_id, due_date, id)`);
    await q.query(`CREATE INDEX task_due_idx ON task (tenant_id, due_date, id)`);
    await q.query(`CREATE INDEX task_status_idx ON task (tenant_id, status, due_date)`);
    await q.query(`
      CREATE TABLE task_milestone (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL,
        text text NOT NULL,
        date date NOT NULL,
        done_at timestamptz,
        sort int NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, task_id) REFERENCES task(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX task_milestone_task_idx ON task_milestone (tenant_id, task_id, sort)`);
    await q.query(`
      CREATE TABLE stored_file (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        filename text NOT NULL,
        mime_type text NOT NULL,
        size_bytes int NOT NULL,
        sha256 text NOT NULL,
        storage text NOT NULL DEFAULT 'postgres',
        content bytea,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`
      CREATE TABLE progress_report (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        author_id uuid NOT NULL,
        text text NOT NULL,
        progress int NOT NULL CHECK (progress BETWEEN 0 AND 100),
        claims_completion boolean NOT NULL DEFAULT false,
        status text NOT NULL CHECK (status IN ('PENDING_LEADER','LEADER_REJECTED','PENDING_OFFICE','ACCEPTED','RETURNED')),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        leader_id uuid,
        leader_decided_at timestamptz,
        leader_comment text,
        reviewer_id uuid,
        reviewed_at timestamptz,
        review_comment text,
        version int NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, task_id) REFERENCES task(tenant_id, id),
        FOREIGN KEY (tenant_id, unit_id) REFERENCES unit(tenant_id, id)
      )`);
    await q.query(`CREATE INDEX progress_report_task_idx ON progress_report (tenant_id, task_id, submitted_at)`);
    await q.query(`CREATE INDEX progress_report_status_idx ON progress_report (tenant_id, status, submitted_at)`);
    await q.query(`
      CREATE TABLE report_evidence (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('URL','FILE')),
        url text,
        file_id uuid,
        sort int NOT NULL DEFAULT 0,
        check_status text,
        check_http_status int,
        check_title text,
        page_date date,
        checked_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, report_id) REFERENCES progress_report(tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, file_id) REFERENCES stored_file(tenant_id, id),
        CHECK ((kind = 'URL') = (url IS NOT NULL) AND (kind = 'FILE') = (file_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX report_evidence_report_idx ON report_evidence (tenant_id, report_id, sort)`);
    await q.query(`
      CREATE TABLE delay_request (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL,
        requested_by uuid NOT NULL,
        reason text NOT NULL,
        current_due_date date NOT NULL,
        requested_due_date date NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','APPROVED','REFUSED','WITHDRAWN')),
        decided_by uuid,
        decided_at timestamptz,
        decision_comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, task_id) REFERENCES task(tenant_id, id)
      )`);
    await q.query(`CREATE INDEX delay_request_task_idx ON delay_request (tenant_id, task_id, created_at)`);
    await q.query(`CREATE INDEX delay_request_status_idx ON delay_request (tenant_id, status)`);
    await q.query(`
      CREATE TABLE urge (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL,
        level text NOT NULL DEFAULT 'URGE' CHECK (level IN ('REMIND','URGE','SUPERVISE')),
        message text NOT NULL,
        automatic boolean NOT NULL DEFAULT false,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_by uuid,
        acknowledged_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, task_id) REFERENCES task(tenant_id, id)
      )`);
    await q.query(`CREATE INDEX urge_task_idx ON urge (tenant_id, task_id, created_at)`);
    await q.query(`
      CREATE TABLE instruction (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        key_point_id uuid NOT NULL,
        author_id uuid NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, key_point_id) REFERENCES key_point(tenant_id, id)
      )`);
    await q.query(`CREATE INDEX instruction_kp_idx ON instruction (tenant_id, key_point_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'instruction',
      'urge',
      'delay_request',
      'report_evidence',
      'progress_report',
      'stored_file',
      'task_milestone',
      'task',
      'key_point_unit',
      'key_point_deadline',
      'key_point',
      'plan_milestone',
      'plan_section',
      'plan',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
