import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_KINDS = ['DUE_SOON', 'REMIND', 'OVERDUE', 'URGE', 'SUPERVISE', 'REPORT_DUE', 'REPORT_MISSING'];
const NEW_KINDS = [
  ...OLD_KINDS,
  'TASK_ASSIGNED',
  'TASK_AMENDED',
  'INSTRUCTION',
  'REPORT_PENDING_APPROVAL',
  'REPORT_SUBMITTED',
  'REPORT_RETURNED',
  'REPORT_ACCEPTED',
  'DELAY_DECIDED',
  'TASK_CLOSED',
  'TASK_REOPENED',
  'SIGN_OVERDUE',
];
const kindCheck = (kinds: string[]) => `CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(',')}))`;

/**
 * Messages that reach people where they read them.
 * - notification: the in-app row of every event; a grouped kind (reports reaching the office) keeps
 *   one unread row per person and day whose count grows instead of a row per report.
 * - outbox_message: one row per person (or group robot) and channel, written in the event's own
 *   transaction; a worker in any API process claims due rows with a lease, records every attempt in
 *   outbox_attempt and retries with backoff. SENT is final, so a recorded delivery is never repeated.
 * - tenant_secret: the one place secrets live (企业微信/钉钉 app secrets, robot webhook URLs and 加签
 *   secrets, cached access tokens), so encrypting them later (SM4) changes one table and one accessor.
 * - message_config / message_robot: the office's channels; notification_preference gains per-kind
 *   channels and the quiet-hours choice.
 * - task.signed_at: 签收 of a newly assigned task. Tasks that exist already count as signed.
 * - supervision_notice: numbered 督办通知单 with the tasks as they stood when issued.
 * The tenant's single robot webhook setting becomes a robot whose URL is a secret.
 */
export class Messaging1764500100000 implements MigrationInterface {
  name = 'Messaging1764500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_kind_check ${kindCheck(NEW_KINDS)}`);
    // task_ids: every task an event concerns (task_id stays the one to open, when there is one).
    await q.query(`
      ALTER TABLE notification
        ADD COLUMN group_key text,
        ADD COLUMN group_count int NOT NULL DEFAULT 1 CHECK (group_count > 0),
        ADD COLUMN task_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE notification SET task_ids = ARRAY[task_id] WHERE task_id IS NOT NULL`);
    await q.query(
      `CREATE UNIQUE INDEX notification_group_uq ON notification (tenant_id, user_id, group_key) WHERE group_key IS NOT NULL AND read_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX notification_kind_idx ON notification (tenant_id, user_id, kind, created_at DESC, id DESC)`,
    );

    await q.query(`
      ALTER TABLE notification_preference
        ADD COLUMN channels jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(channels) = 'object'),
        ADD COLUMN quiet_hours boolean NOT NULL DEFAULT true`);

    await q.query(`
      CREATE TABLE tenant_secret (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (name ~ '^[a-z0-9_.-]{1,80}$'),
        value text NOT NULL,
        expires_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, name)
      )`);
    await q.query(`
      CREATE TABLE message_config (
        tenant_id uuid PRIMARY KEY REFERENCES tenant(id) ON DELETE CASCADE,
        wecom_corp_id text,
        wecom_agent_id text,
        dingtalk_app_key text,
        dingtalk_agent_id text,
        default_channels jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(default_channels) = 'object'),
        work_start text NOT NULL DEFAULT '08:30' CHECK (work_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        work_end text NOT NULL DEFAULT '17:30' CHECK (work_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (work_start < work_end)
      )`);
    await q.query(`
      CREATE TABLE message_robot (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        platform text NOT NULL CHECK (platform IN ('DINGTALK','WECOM')),
        kinds text[] NOT NULL DEFAULT '{DAILY_SUMMARY}',
        enabled boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);

    await q.query(`
      CREATE TABLE outbox_message (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        channel text NOT NULL CHECK (channel IN ('EMAIL','WECOM','DINGTALK','ROBOT')),
        kind text NOT NULL,
        notification_id uuid,
        user_id uuid,
        robot_id uuid,
        task_ids uuid[] NOT NULL DEFAULT '{}',
        payload jsonb,
        urgent boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENDING','SENT','FAILED')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CHECK ((channel = 'ROBOT') = (robot_id IS NOT NULL)),
        CHECK ((channel = 'ROBOT') = (user_id IS NULL)),
        FOREIGN KEY (tenant_id, notification_id) REFERENCES notification(tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, user_id) REFERENCES app_user(tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, robot_id) REFERENCES message_robot(tenant_id, id) ON DELETE CASCADE
      )`);
    // What the workers poll, across tenants: due rows, and leases a dead process left behind.
    await q.query(`CREATE INDEX outbox_due_idx ON outbox_message (next_attempt_at) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX outbox_lease_idx ON outbox_message (lease_until) WHERE status = 'SENDING'`);
    // A grouped notification has at most one message per channel waiting; later events join it.
    await q.query(
      `CREATE UNIQUE INDEX outbox_pending_uq ON outbox_message (tenant_id, notification_id, channel) WHERE status = 'PENDING'`,
    );
    // A task's timeline shows the messages about it.
    await q.query(`CREATE INDEX outbox_task_idx ON outbox_message USING gin (task_ids)`);
    await q.query(`CREATE INDEX outbox_notification_idx ON outbox_message (tenant_id, notification_id)`);
    await q.query(`CREATE INDEX outbox_recent_idx ON outbox_message (tenant_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE outbox_attempt (
        tenant_id uuid NOT NULL,
        id bigint GENERATED ALWAYS AS IDENTITY,
        message_id uuid NOT NULL,
        robot_id uuid,
        attempt int NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        outcome text CHECK (outcome IN ('SENT','RETRY','FAILED','ABANDONED')),
        code text,
        detail text,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, message_id) REFERENCES outbox_message(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX outbox_attempt_message_idx ON outbox_attempt (tenant_id, message_id, attempt)`);
    // The per-robot rate limit counts a robot's sends in the last minute.
    await q.query(
      `CREATE INDEX outbox_attempt_robot_idx ON outbox_attempt (tenant_id, robot_id, started_at) WHERE robot_id IS NOT NULL`,
    );

    await q.query(`ALTER TABLE task ADD COLUMN signed_at timestamptz, ADD COLUMN signed_by uuid`);
    await q.query(`ALTER TABLE task ADD FOREIGN KEY (tenant_id, signed_by) REFERENCES app_user(tenant_id, id)`);
    await q.query(`UPDATE task SET signed_at = created_at`);
    await q.query(`CREATE INDEX task_unsigned_idx ON task (tenant_id, unit_id, assigned_on) WHERE signed_at IS NULL`);

    await q.query(`
      CREATE TABLE supervision_notice (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        number int NOT NULL CHECK (number > 0),
        unit_id uuid NOT NULL,
        color text NOT NULL CHECK (color IN ('BLUE','YELLOW','RED')),
        note text NOT NULL DEFAULT '',
        tasks jsonb NOT NULL CHECK (jsonb_typeof(tasks) = 'array'),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, year, number),
        FOREIGN KEY (tenant_id, unit_id) REFERENCES unit(tenant_id, id),
        FOREIGN KEY (tenant_id, created_by) REFERENCES app_user(tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX supervision_notice_unit_idx ON supervision_notice (tenant_id, unit_id, created_at DESC)`,
    );

    // The old single webhook setting becomes a robot announcing the daily summary, its URL a secret.
    await q.query(`
      WITH old AS (
        SELECT id AS tenant_id, settings->>'webhookUrl' AS url FROM tenant WHERE coalesce(settings->>'webhookUrl', '') <> ''
      ), robot AS (
        INSERT INTO message_robot (tenant_id, name, platform)
        SELECT tenant_id, '工作群机器人', CASE WHEN url LIKE '%qyapi.weixin.qq.com%' THEN 'WECOM' ELSE 'DINGTALK' END FROM old
        RETURNING tenant_id, id
      )
      INSERT INTO tenant_secret (tenant_id, name, value)
      SELECT robot.tenant_id, 'robot.' || robot.id || '.webhook', old.url FROM robot JOIN old USING (tenant_id)`);
    await q.query(`UPDATE tenant SET settings = settings - 'webhookUrl' WHERE settings ? 'webhookUrl'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE tenant t SET settings = t.settings || jsonb_build_object('webhookUrl', s.value)
        FROM (SELECT DISTINCT ON (r.tenant_id) r.tenant_id, s.value FROM message_robot r
                JOIN tenant_secret s ON s.tenant_id = r.tenant_id AND s.name = 'robot.' || r.id || '.webhook'
               ORDER BY r.tenant_id, r.created_at) s
       WHERE t.id = s.tenant_id`);
    for (const table of [
      'supervision_notice',
      'outbox_attempt',
      'outbox_message',
      'message_robot',
      'message_config',
      'tenant_secret',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP INDEX task_unsigned_idx`);
    await q.query(`ALTER TABLE task DROP COLUMN signed_at, DROP COLUMN signed_by`);
    await q.query(`ALTER TABLE notification_preference DROP COLUMN channels, DROP COLUMN quiet_hours`);
    await q.query(`DROP INDEX notification_kind_idx`);
    await q.query(`DROP INDEX notification_group_uq`);
    await q.query(`ALTER TABLE notification DROP COLUMN group_key, DROP COLUMN group_count, DROP COLUMN task_ids`);
    await q.query(`DELETE FROM notification WHERE kind NOT IN (${OLD_KINDS.map((k) => `'${k}'`).join(',')})`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_kind_check ${kindCheck(OLD_KINDS)}`);
  }
}
