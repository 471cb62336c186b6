import type { MigrationInterface, QueryRunner } from 'typeorm';

const BUSINESS_ROLES = `'OFFICE_ADMIN','OFFICE_STAFF','UNIT_LIAISON','UNIT_LEADER','LEADERSHIP'`;

/**
 * 三员分立 (等保 2.0 level 3):
 * - two roles beside the office admin (who is the 系统管理员): SECURITY_ADMIN 安全管理员 and
 *   SECURITY_AUDITOR 安全审计员;
 * - app_user.security_admin: an office admin who also holds the security admin's duties (a small
 *   office's one person for both; never the auditor's, whose role is a role of its own);
 * - every existing office admin keeps every power they have today, so each becomes system + security
 *   (a tenant with one admin is not locked out of its 安全策略); the security admin then splits them;
 * - two-factor, where a tenant requires it of office admins, is required of the new roles too.
 */
export class SeparationOfDuties1766650000000 implements MigrationInterface {
  name = 'SeparationOfDuties1766650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_role_check`);
    await q.query(
      `ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN (${BUSINESS_ROLES},'SECURITY_ADMIN','SECURITY_AUDITOR'))`,
    );
    await q.query(`ALTER TABLE app_user ADD COLUMN security_admin boolean NOT NULL DEFAULT false`);
    await q.query(
      `ALTER TABLE app_user ADD CONSTRAINT app_user_security_admin_check CHECK (NOT security_admin OR role = 'OFFICE_ADMIN')`,
    );
    await q.query(`UPDATE app_user SET security_admin = true WHERE role = 'OFFICE_ADMIN'`);
    await q.query(
      `ALTER TABLE tenant_security_policy ALTER COLUMN two_factor_roles SET DEFAULT '{OFFICE_ADMIN,SECURITY_ADMIN,SECURITY_AUDITOR}'`,
    );
    await q.query(`UPDATE tenant_security_policy SET two_factor_roles = two_factor_roles || '{SECURITY_ADMIN,SECURITY_AUDITOR}'
                    WHERE 'OFFICE_ADMIN' = ANY (two_factor_roles) AND NOT 'SECURITY_ADMIN' = ANY (two_factor_roles)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE tenant_security_policy SET two_factor_roles = array_remove(array_remove(two_factor_roles, 'SECURITY_ADMIN'), 'SECURITY_AUDITOR')`,
    );
    await q.query(`ALTER TABLE tenant_security_policy ALTER COLUMN two_factor_roles SET DEFAULT '{OFFICE_ADMIN}'`);
    // The security roles' accounts have no business role to fall back to: they end deactivated office staff.
    await q.query(
      `UPDATE app_user SET role = 'OFFICE_STAFF', active = false WHERE role IN ('SECURITY_ADMIN','SECURITY_AUDITOR')`,
    );
    await q.query(`ALTER TABLE app_user DROP COLUMN security_admin`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_role_check`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN (${BUSINESS_ROLES}))`);
  }
}
