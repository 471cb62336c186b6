import pg from 'pg';
import { logger } from '../logging/logger.js';
import { hashPassword } from '../modules/auth/password.js';
import type { UnitKind } from '../modules/unit/unit-kinds.js';
import {
  DEMO_LOWER_TENANTS,
  DEMO_LOWER_USERS,
  DEMO_PASSWORD,
  DEMO_TENANT,
  DEMO_UNITS,
  DEMO_UNUSED_USERS,
  DEMO_USERS,
  type DemoUser,
} from './demo-data.js';

export interface DemoLogin {
  username: string;
  role: string;
  unit: string | null;
}

/**
 * Loads the demo tenant once. Idempotent: if the tenant exists nothing is added; an advisory lock keeps
 * two processes starting at once from both loading it.
 */
export async function seedDemo(databaseUrl: string): Promise<DemoLogin[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(723002)');
    const existing = await client.query('SELECT id FROM tenant WHERE code = $1', [DEMO_TENANT.code]);
    if (existing.rowCount) {
      await client.query('ROLLBACK');
      return demoLogins();
    }
    const {
      rows: [tenant],
    } = await client.query('INSERT INTO tenant (code, name, settings, demo) VALUES ($1, $2, $3, true) RETURNING id', [
      DEMO_TENANT.code,
      DEMO_TENANT.name,
      DEMO_TENANT.settings,
    ]);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await addPeople(client, tenant.id, DEMO_UNITS, DEMO_USERS, passwordHash);
    await client.query(
      `UPDATE app_user SET created_at = now() - interval '400 days', last_sign_in_at = now() - interval '120 days'
        WHERE tenant_id = $1 AND username = ANY ($2)`,
      [tenant.id, DEMO_UNUSED_USERS],
    );
    // 上下联动: the cities under the province, linked as an accepted invitation would leave them.
    for (const city of DEMO_LOWER_TENANTS) {
      const {
        rows: [lower],
      } = await client.query(
        `INSERT INTO tenant (code, name, settings, demo, upper_tenant_id, linked_at) VALUES ($1, $2, '{}', true, $3, now()) RETURNING id`,
        [city.code, city.name, tenant.id],
      );
      const units = city.units.map((name) => ({ name, kind: 'DEPARTMENT' as const }));
      await addPeople(client, lower.id, units, DEMO_LOWER_USERS(city), passwordHash);
    }
    // Their passwords are published: two-factor would protect nothing, and every demo login would need a phone.
    await client.query(
      `INSERT INTO tenant_security_policy (tenant_id, two_factor_roles) SELECT id, '{}' FROM tenant WHERE demo ON CONFLICT DO NOTHING`,
    );
    await client.query('COMMIT');
    logger().info(
      { tenant: DEMO_TENANT.code, units: DEMO_UNITS.length, users: DEMO_USERS.length },
      'demo tenant loaded',
    );
    return demoLogins();
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** A demo tenant's units (in order) and people, all with the demo password. */
async function addPeople(
  client: pg.Client,
  tenantId: string,
  units: { name: string; kind: UnitKind; aliases?: string[] }[],
  users: Omit<DemoUser, 'featured'>[],
  passwordHash: string,
): Promise<void> {
  const unitIds = new Map<string, string>();
  for (const [sort, unit] of units.entries()) {
    const {
      rows: [row],
    } = await client.query(
      'INSERT INTO unit (tenant_id, name, kind, aliases, sort) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [tenantId, unit.name, unit.kind, unit.aliases ?? [], sort],
    );
    unitIds.set(unit.name, row.id);
  }
  for (const user of users) {
    await client.query(
      `INSERT INTO app_user (tenant_id, username, display_name, role, unit_id, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [tenantId, user.username, user.displayName, user.role, user.unit ? unitIds.get(user.unit) : null, passwordHash],
    );
  }
}

/** The accounts worth naming at start-up; every other unit's liaison is `{code}-lly`. */
export function demoLogins(): DemoLogin[] {
  return DEMO_USERS.filter((u) => u.featured).map((u) => ({ username: u.username, role: u.role, unit: u.unit }));
}

/**
 * Production never serves the demo tenant: its password is printed in the README. If a database that
 * once ran in development still holds it, its users are disabled and signed out at start (not deleted:
 * an operator may want to look at what was done with it). Returns how many users were disabled.
 */
export async function disableDemoTenant(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `UPDATE app_user u SET active = false, updated_at = now() FROM tenant t
        WHERE t.id = u.tenant_id AND u.active AND ((t.code = $1 AND t.name = $2) OR (t.demo AND t.code = ANY($3)))
        RETURNING u.tenant_id`,
      [DEMO_TENANT.code, DEMO_TENANT.name, DEMO_LOWER_TENANTS.map((c) => c.code)],
    );
    if (rows.length)
      await client.query(`DELETE FROM user_session WHERE tenant_id = ANY($1::uuid[])`, [
        [...new Set(rows.map((r) => r.tenant_id))],
      ]);
    await client.query('COMMIT');
    if (rows.length)
      logger().warn(
        { tenant: DEMO_TENANT.code, users: rows.length },
        'production: the demo tenant was found and its users disabled',
      );
    return rows.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
