import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from '../tenant-row-security.js';

const OLD_KINDS = [
  'DUE_SOON',
  'REMIND',
  'OVERDUE',
  'URGE',
  'SUPERVISE',
  'REPORT_DUE',
  'REPORT_MISSING',
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
 * 上下联动, urging across levels: the upper office 催办s a lower office about one of its key points.
 * Each side keeps its own rows, so neither reads the other's tables:
 * - level_urge_sent (the UPPER tenant's): to whom, about which of its key points, the situation it saw in
 *   its roll-up, the text, and whether the lower office acknowledged it (written by the acknowledgement).
 * - level_urge_inbox (the LOWER tenant's): the same urge as the lower office reads it, with the upper key
 *   point's label and title copied, and who of its own people acknowledged it.
 * The urge and its acknowledgement write both rows in one transaction. Notifications gain the kind
 * UPPER_URGE (上级催办) for the lower office's people.
 */
export class LevelUrges1765900000000 implements MigrationInterface {
  name = 'LevelUrges1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE level_urge_sent (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        lower_tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        lower_name text NOT NULL,
        key_point_id uuid NOT NULL,
        situation text NOT NULL,
        message text NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        acknowledged_by_name text,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, key_point_id) REFERENCES key_point(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX level_urge_sent_created_idx ON level_urge_sent (tenant_id, created_at, id)`);
    await enableTenantRowSecurity(q, 'level_urge_sent');
    await q.query(`
      CREATE TABLE level_urge_inbox (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        upper_tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        upper_name text NOT NULL,
        sent_id uuid NOT NULL,
        source_key_point_id uuid NOT NULL,
        key_point_label text NOT NULL DEFAULT '',
        key_point_title text NOT NULL,
        situation text NOT NULL,
        message text NOT NULL,
        sender_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        acknowledged_by uuid,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, upper_tenant_id, sent_id)
      )`);
    await q.query(`CREATE INDEX level_urge_inbox_created_idx ON level_urge_inbox (tenant_id, created_at, id)`);
    await enableTenantRowSecurity(q, 'level_urge_inbox');
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_kind_check ${kindCheck([...OLD_KINDS, 'UPPER_URGE'])}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = 'UPPER_URGE'`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_kind_check ${kindCheck(OLD_KINDS)}`);
    await q.query(`DROP TABLE level_urge_inbox`);
    await q.query(`DROP TABLE level_urge_sent`);
  }
}
