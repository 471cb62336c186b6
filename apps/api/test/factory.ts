import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import request from 'supertest';
import { hashPassword } from '../src/modules/auth/password.js';
import type { UnitKind } from '../src/modules/unit/unit.entity.js';
import type { Role } from '../src/modules/user/user.entity.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'Passw0rd!';
let cachedHash: Promise<string> | null = null;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));
const suffix = () => randomBytes(3).toString('hex');

export interface TestTenant {
  id: string;
  code: string;
}
export interface TestUnit {
  id: string;
  name: string;
  tenantId: string;
}
export interface TestUser {
  id: string;
  username: string;
  role: Role;
  tenantId: string;
  unitId: string | null;
}

/** A signed-in HTTP client: keeps the session cookie and sends the CSRF header on every request. */
export interface Client {
  user: TestUser;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: { message: string; extensions: { code: string } }[] }>;
  /** Like gql but throws on errors, returning data. */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  agent: ReturnType<typeof request.agent>;
  csrf: string;
}

/** Test data makers (immich's medium-test factory habit): each returns the row it made. */
export class Factory {
  constructor(
    private readonly t: TestApp,
    private readonly db: pg.Pool = t.db,
  ) {}

  async tenant(name = '测试省人民政府办公厅'): Promise<TestTenant> {
    const code = `t-${suffix()}`;
    const { rows } = await this.db.query(`INSERT INTO tenant (code, name) VALUES ($1, $2) RETURNING id`, [code, name]);
    return { id: rows[0].id, code };
  }

  async unit(tenant: TestTenant, name = `测试单位${suffix()}`, kind: UnitKind = 'DEPARTMENT', aliases: string[] = []): Promise<TestUnit> {
    const { rows } = await this.db.query(`INSERT INTO unit (tenant_id, name, kind, aliases) VALUES ($1, $2, $3, $4) RETURNING id`, [
      tenant.id,
      name,
      kind,
      aliases,
    ]);
    return { id: rows[0].id, name, tenantId: tenant.id };
  }

  async user(tenant: TestTenant, role: Role, unit: TestUnit | null = null): Promise<TestUser> {
    const username = `${role.toLowerCase().replace('_', '-')}-${suffix()}`;
    const { rows } = await this.db.query(
      `INSERT INTO app_user (tenant_id, username, display_name, role, unit_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [tenant.id, username, `${role}用户`, role, unit?.id ?? null, await passwordHash()],
    );
    return { id: rows[0].id, username, role, tenantId: tenant.id, unitId: unit?.id ?? null };
  }

  /** Signs a user in through the real signIn mutation. */
  async signIn(tenant: TestTenant, user: TestUser): Promise<Client> {
    const agent = request.agent(this.t.app.getHttpServer());
    const res = await agent
      .post('/graphql')
      .send({
        query: `mutation($input: SignInInput!) { signIn(input: $input) { csrfToken } }`,
        variables: { input: { tenantCode: tenant.code, username: user.username, password: TEST_PASSWORD } },
      });
    if (res.body.errors) throw new Error(`sign-in failed: ${JSON.stringify(res.body.errors)}`);
    const csrf = res.body.data.signIn.csrfToken as string;
    const gql = async (query: string, variables?: Record<string, unknown>) => {
      const r = await agent.post('/graphql').set('x-csrf-token', csrf).send({ query, variables });
      return r.body;
    };
    return {
      user,
      agent,
      csrf,
      gql,
      async ok(query, variables) {
        const body = await gql(query, variables);
        if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
        return body.data;
      },
    };
  }

  /** A user of the given role (and a unit for unit roles), signed in. */
  async client(tenant: TestTenant, role: Role, unit?: TestUnit): Promise<Client> {
    const needsUnit = role === 'UNIT_LIAISON' || role === 'UNIT_LEADER';
    const u = needsUnit ? (unit ?? (await this.unit(tenant))) : null;
    return this.signIn(tenant, await this.user(tenant, role, u));
  }
}

/** The error code of the first GraphQL error, for refusal assertions. */
export const errorCode = (body: { errors?: { extensions: { code: string } }[] }) => body.errors?.[0]?.extensions.code;
