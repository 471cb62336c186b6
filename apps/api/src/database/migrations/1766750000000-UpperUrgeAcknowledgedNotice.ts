import type { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_KIND = 'UPPER_URGE_ACKNOWLEDGED';
// Spelled out: a migration keeps meaning what it meant when it landed.
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
  'UPPER_URGE',
];
const kindCheck = (kinds: readonly string[]) => `CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(',')}))`;

/**
 * 上下联动: the upper office hears when a lower office signs (签收) its urge. Notifications gain the kind
 * UPPER_URGE_ACKNOWLEDGED (下级签收催办), for whoever sent the urge (or the office's admins).
 */
export class UpperUrgeAcknowledgedNotice1766750000000 implements MigrationInterface {
  name = 'UpperUrgeAcknowledgedNotice1766750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_kind_check ${kindCheck([...OLD_KINDS, NEW_KIND])}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = '${NEW_KIND}'`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_kind_check ${kindCheck(OLD_KINDS)}`);
  }
}
