import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenants, units, people and sessions. Every tenant-owned table has a composite primary key
 * (tenant_id, id) and composite foreign keys, so a row can never point into another tenant and the
 * tables can be distributed by tenant_id (Citus) without reshaping.
 */
export class Foundation1763856000000 implements MigrationInterface {
  name = 'Foundation1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
        name text NOT NULL,
        settings jsonb NOT NULL DEFAULT '{}',
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE unit (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('DEPARTMENT','CITY_GOV','COUNTY_GOV','AGENCY','TOWN','OFFICE','OTHER')),
        parent_id uuid,
        aliases text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        sort int NOT NULL DEFAULT 0,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, name),
        FOREIGN KEY (tenant_id, parent_id) REFERENCES unit(tenant_id, id)
      )`);
    await q.query(`
      CREATE TABLE app_user (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (username ~ '^[A-Za-z0-9_.@-]{2,64}$'),
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('OFFICE_ADMIN','OFFICE_STAFF','UNIT_LIAISON','UNIT_LEADER','LEADERSHIP')),
        unit_id uuid,
        email text,
        phone text,
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        failed_logins int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, username),
        FOREIGN KEY (tenant_id, unit_id) REFERENCES unit(tenant_id, id),
        CHECK ((role IN ('UNIT_LIAISON','UNIT_LEADER')) = (unit_id IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE user_session (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id text NOT NULL,
        user_id uuid NOT NULL,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ip text,
        user_agent text,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES app_user(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX user_session_expires_idx ON user_session (expires_at)`);
    await q.query(`
      CREATE TABLE audit_log (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id bigint GENERATED ALWAYS AS IDENTITY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        action text NOT NULL,
        before jsonb,
        after jsonb,
        note text,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (tenant_id, entity_type, entity_id, id)`);
    // Append-only: history that can be rewritten is not history.
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only`);
    await q.query(`DROP TABLE user_session`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE unit`);
    await q.query(`DROP TABLE tenant`);
  }
}
