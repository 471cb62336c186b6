import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from '../tenant-row-security.js';

/**
 * Single sign-on with the tenant's 统一身份认证 platform (OpenID Connect).
 * - tenant_sso: the provider (issuer, client id; the client secret lives in tenant_secret), which claim
 *   names a Duban account, whether passwords stay allowed, and whether a first sign-in creates one.
 * - sso_attempt: a started sign-in (state, nonce, PKCE verifier, return path) as a short-lived row, so
 *   any API process can finish it and finishing it deletes it (a replayed state finds nothing).
 * - user_session.via_sso: the web offers the provider's logout after signing such a session out.
 * - A unit role may wait for its unit: an account made at first sign-in has none until the office
 *   assigns it (it sees no tasks until then).
 */
export class SingleSignOn1765600000000 implements MigrationInterface {
  name = 'SingleSignOn1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenant_sso (
        tenant_id uuid PRIMARY KEY REFERENCES tenant(id) ON DELETE CASCADE,
        enabled boolean NOT NULL DEFAULT false,
        issuer text NOT NULL CHECK (issuer ~ '^https?://' AND length(issuer) <= 500),
        client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 200),
        claim text NOT NULL DEFAULT 'preferred_username' CHECK (claim ~ '^[A-Za-z0-9_.:-]{1,80}$'),
        match_field text NOT NULL DEFAULT 'USERNAME' CHECK (match_field IN ('USERNAME', 'PHONE', 'EMAIL')),
        password_allowed boolean NOT NULL DEFAULT true,
        create_users boolean NOT NULL DEFAULT false,
        default_role text NOT NULL DEFAULT 'UNIT_LIAISON' CHECK (default_role IN ('UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP')),
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await enableTenantRowSecurity(q, 'tenant_sso');
    await q.query(`
      CREATE TABLE sso_attempt (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        return_to text NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX sso_attempt_expires_idx ON sso_attempt (expires_at)`);
    await enableTenantRowSecurity(q, 'sso_attempt');
    await q.query(`ALTER TABLE user_session ADD COLUMN via_sso boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_check`);
    await q.query(
      `ALTER TABLE app_user ADD CONSTRAINT app_user_unit_role_check CHECK (role IN ('UNIT_LIAISON','UNIT_LEADER') OR unit_id IS NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM app_user WHERE role IN ('UNIT_LIAISON','UNIT_LEADER') AND unit_id IS NULL`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_unit_role_check`);
    await q.query(
      `ALTER TABLE app_user ADD CONSTRAINT app_user_check CHECK ((role IN ('UNIT_LIAISON','UNIT_LEADER')) = (unit_id IS NOT NULL))`,
    );
    await q.query(`ALTER TABLE user_session DROP COLUMN via_sso`);
    await q.query(`DROP TABLE sso_attempt`);
    await q.query(`DROP TABLE tenant_sso`);
  }
}
