import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a person is reached outside the web app besides their mobile number (the 手机 already kept in
 * app_user.phone, by which both platforms can look a person up): the 企业微信 userid and the 钉钉 userid.
 * Formats are the platforms' own, so a bad value is refused here rather than by the platform at delivery.
 */
export class UserMessagingIds1764500000000 implements MigrationInterface {
  name = 'UserMessagingIds1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN wecom_userid text CHECK (wecom_userid ~ '^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$'),
        ADD COLUMN dingtalk_userid text CHECK (dingtalk_userid ~ '^[A-Za-z0-9_$.@-]{1,64}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN wecom_userid, DROP COLUMN dingtalk_userid`);
  }
}
