import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling beyond one account: failed attempts per client address and per tenant code, with
 * a growing block once a limit is passed. Keys are what a client sends (an address, a tenant code that
 * may not exist), so the table is not tenant-owned. One-time passwords (set by an admin or the CLI)
 * expire: password_expires_at is set with them and cleared when the user chooses a password.
 */
export class SignInHardening1764200000000 implements MigrationInterface {
  name = 'SignInHardening1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sign_in_throttle (
        scope text NOT NULL CHECK (scope IN ('ip', 'tenant')),
        key text NOT NULL,
        failures int NOT NULL,
        last_attempt_at timestamptz NOT NULL,
        blocked_until timestamptz,
        PRIMARY KEY (scope, key)
      )`);
    await q.query(`CREATE INDEX sign_in_throttle_last_attempt ON sign_in_throttle (last_attempt_at)`);
    await q.query(`ALTER TABLE app_user ADD COLUMN password_expires_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN password_expires_at`);
    await q.query(`DROP TABLE sign_in_throttle`);
  }
}
