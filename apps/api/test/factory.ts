import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import request from 'supertest';
import { Algorithm, hash } from '@node-rs/argon2';
import { personalData } from '../src/common/crypto/personal-data.js';
import type { UnitKind } from '../src/modules/unit/unit-kinds.js';
import type { Role } from '../src/common/enums.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'Passw0rd!';
/**
 * The factory's users carry an argon2id hash with the smallest cost argon2 allows: every sign-in still
 * goes through the app's own verifyPassword (it reads the cost from the hash), but a test file that
 * signs in dozens of users no longer pays 19 MiB and two passes for each. Passwords the app hashes
 * itself (changes, first passwords, the CLI) keep the production parameters.
 */
const TEST_HASH_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 8, timeCost: 1, parallelism: 1 };
let cachedHash: Promise<string> | null = null;
const passwordHash = () => (cachedHash ??= hash(TEST_PASSWORD, TEST_HASH_OPTIONS));
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
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: { message: string; extensions: { code: string } }[] }>;
  /** Like gql but throws on errors, returning data. */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  agent: ReturnType<typeof request.agent>;
  csrf: string;
  /** A multipart POST (e.g. /imports/plan) with an optional `file` and text fields, with the CSRF header. */
  upload(
    path: string,
    file?: { name: string; bytes: Buffer } | null,
    fields?: Record<string, string>,
  ): Promise<request.Response>;
}

/**
 * The same browser session (its cookie and CSRF token) sent to another API process on the same
 * database: what a load balancer does when a user's next request lands on a different process.
 */
export function sameSessionOn(server: Parameters<typeof request>[0], client: Client) {
  const send = sameSessionRequest(server, client);
  return async (query: string, variables?: Record<string, unknown>) => (await send(query, variables)).body;
}

/** As sameSessionOn, answering the whole response (status, headers, the body's text as sent). */
export function sameSessionRequest(server: Parameters<typeof request>[0], client: Client) {
  const cookie = client.agent.jar
    .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  return (query: string, variables?: Record<string, unknown>, operationName?: string) =>
    request(server)
      .post('/graphql')
      .set('cookie', cookie)
      .set('x-csrf-token', client.csrf)
      .send({ query, variables, operationName });
}

/** Test data makers (immich's medium-test factory habit): each returns the row it made. */
export class Factory {
  constructor(
    private readonly t: TestApp,
    private readonly db: pg.Pool = t.db,
  ) {}

  /**
   * A tenant. Its office admins sign in with a password only unless `twoFactor` keeps the default
   * policy (two-factor required for office admins): most tests are about something else.
   */
  async tenant(name = '测试省人民政府办公厅', opts: { twoFactor?: boolean } = {}): Promise<TestTenant> {
    const code = `t-${suffix()}`;
    const { rows } = await this.db.query(`INSERT INTO tenant (code, name) VALUES ($1, $2) RETURNING id`, [code, name]);
    if (!opts.twoFactor)
      await this.db.query(`INSERT INTO tenant_security_policy (tenant_id, two_factor_roles) VALUES ($1, '{}')`, [
        rows[0].id,
      ]);
    return { id: rows[0].id, code };
  }

  async unit(
    tenant: TestTenant,
    name = `测试单位${suffix()}`,
    kind: UnitKind = 'DEPARTMENT',
    aliases: string[] = [],
  ): Promise<TestUnit> {
    const { rows } = await this.db.query(
      `INSERT INTO unit (tenant_id, name, kind, aliases) VALUES ($1, $2, $3, $4) RETURNING id`,
      [tenant.id, name, kind, aliases],
    );
    return { id: rows[0].id, name, tenantId: tenant.id };
  }

  /**
   * An office admin holds the security admin's duties too, as every office admin did before 三员分立
   * (and as the CLI makes a tenant's first admin); `securityAdmin: false` makes a pure system admin.
   */
  async user(
    tenant: TestTenant,
    role: Role,
    unit: TestUnit | null = null,
    options: { securityAdmin?: boolean } = {},
  ): Promise<TestUser> {
    const username = `${role.toLowerCase().replace('_', '-')}-${suffix()}`;
    const securityAdmin = role === 'OFFICE_ADMIN' && (options.securityAdmin ?? true);
    const { rows } = await this.db.query(
      `INSERT INTO app_user (tenant_id, username, display_name, role, unit_id, password_hash, security_admin) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [tenant.id, username, `${role}用户`, role, unit?.id ?? null, await passwordHash(), securityAdmin],
    );
    return { id: rows[0].id, username, role, tenantId: tenant.id, unitId: unit?.id ?? null };
  }

  /** Gives a person a phone and/or e-mail, stored as the app stores them (SM4, blind index). */
  async contact(user: TestUser, values: { phone?: string | null; email?: string | null }): Promise<void> {
    const c = personalData(this.t.config).columns(user.tenantId, user.id, {
      phone: values.phone ?? null,
      email: values.email ?? null,
    });
    const fields = Object.keys(values).flatMap((f) =>
      f === 'phone' ? ['phone', 'phone_index', 'phone_mobile'] : ['email', 'email_index'],
    ) as (keyof typeof c)[];
    await this.db.query(
      `UPDATE app_user SET ${fields.map((f, i) => `${f} = $${i + 3}`).join(', ')} WHERE tenant_id = $1 AND id = $2`,
      [user.tenantId, user.id, ...fields.map((f) => c[f])],
    );
  }

  /** Signs a user in through the real signIn mutation. */
  async signIn(tenant: TestTenant, user: TestUser, password = TEST_PASSWORD): Promise<Client> {
    const agent = request.agent(this.t.app.getHttpServer());
    const res = await agent.post('/graphql').send({
      query: `mutation($input: SignInInput!) { signIn(input: $input) { csrfToken } }`,
      variables: { input: { tenantCode: tenant.code, username: user.username, password } },
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
      upload(path, file, fields = {}) {
        let req = agent.post(path).set('x-csrf-token', csrf);
        for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
        if (file) req = req.attach('file', file.bytes, file.name);
        else if (!Object.keys(fields).length) req = req.field('nothing', '');
        return req.then((r) => r);
      },
      async ok(query, variables) {
        const body = await gql(query, variables);
        if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
        return body.data;
      },
    };
  }

  /** A user of the given role (and a unit for unit roles), signed in. */
  async client(
    tenant: TestTenant,
    role: Role,
    unit?: TestUnit,
    options: { securityAdmin?: boolean } = {},
  ): Promise<Client> {
    const needsUnit = role === 'UNIT_LIAISON' || role === 'UNIT_LEADER';
    const u = needsUnit ? (unit ?? (await this.unit(tenant))) : null;
    return this.signIn(tenant, await this.user(tenant, role, u, options));
  }

  /** A published plan with one key point (direct SQL: plan import is another module's job). */
  async keyPointPlan(tenant: TestTenant, opts: { year?: number; title?: string } = {}): Promise<TestKeyPoint> {
    const year = opts.year ?? new Date().getFullYear();
    const plan = await this.db.query(
      `INSERT INTO plan (tenant_id, year, title, status) VALUES ($1, $2, $3, 'PUBLISHED') RETURNING id`,
      [tenant.id, year, `${year}年政务公开工作要点`],
    );
    const kp = await this.db.query(
      `INSERT INTO key_point (tenant_id, plan_id, seq, label, title) VALUES ($1, $2, 1, '(一)', $3) RETURNING id`,
      [tenant.id, plan.rows[0].id, opts.title ?? `测试要点${suffix()}`],
    );
    return { tenantId: tenant.id, planId: plan.rows[0].id, keyPointId: kp.rows[0].id, year };
  }

  /** One unit's task on a key point, due at the end of the plan year unless given. */
  async keyPointTask(
    kp: TestKeyPoint,
    unit: TestUnit,
    role: 'LEAD' | 'RESPONSIBLE' = 'RESPONSIBLE',
    opts: { status?: string; dueDate?: string } = {},
  ): Promise<TestTask> {
    const due = opts.dueDate ?? `${kp.year}-12-31`;
    const { rows } = await this.db.query(
      `INSERT INTO task (tenant_id, plan_id, key_point_id, unit_id, role, status, assigned_on, due_date, original_due_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
      [kp.tenantId, kp.planId, kp.keyPointId, unit.id, role, opts.status ?? 'NOT_STARTED', `${kp.year}-01-01`, due],
    );
    return { id: rows[0].id, tenantId: kp.tenantId, unitId: unit.id, keyPointId: kp.keyPointId, planId: kp.planId };
  }

  /**
   * A tenant whose unit (with a liaison) has `count` published tasks due 2026-10-09 and no report
   * cycle: what the daily supervision acts on from the morning after (overdue, then urged).
   */
  async tenantWithLateTasks(count: number, name?: string): Promise<{ tenant: TestTenant; liaison: TestUser }> {
    const tenant = await this.tenant(name);
    await this.db.query(`UPDATE tenant SET settings = $2 WHERE id = $1`, [
      tenant.id,
      { reportCycle: { kind: 'NONE', dayOfMonth: null, weekday: null } },
    ]);
    const unit = await this.unit(tenant, '市教育局');
    const liaison = await this.user(tenant, 'UNIT_LIAISON', unit);
    await this.tasks(tenant, [unit], count, { year: 2026, dueDate: () => '2026-10-09' });
    return { tenant, liaison };
  }

  /**
   * A published plan with one section and `count` key points, one task each, spread over `units`
   * round-robin (direct SQL, for ledger tests). Titles are `要点N <suffix>`; dueDate(i) and
   * status(i) shape each task; the first unit leads.
   */
  async tasks(
    tenant: TestTenant,
    units: TestUnit[],
    count: number,
    opts: {
      year?: number;
      dueDate?: (i: number) => string;
      status?: (i: number) => string;
      role?: (i: number) => 'LEAD' | 'RESPONSIBLE';
      title?: (i: number) => string;
    } = {},
  ): Promise<{
    planId: string;
    sectionId: string;
    year: number;
    tasks: (TestTask & { title: string; dueDate: string })[];
  }> {
    const year = opts.year ?? 2026;
    const plan = await this.db.query(
      `INSERT INTO plan (tenant_id, year, title, status) VALUES ($1, $2, $3, 'PUBLISHED') RETURNING id`,
      [tenant.id, year, `${year}年政务公开工作要点${suffix()}`],
    );
    const planId = plan.rows[0].id;
    const section = await this.db.query(
      `INSERT INTO plan_section (tenant_id, plan_id, label, title, sort) VALUES ($1, $2, '一', '加强政策解读', 1) RETURNING id`,
      [tenant.id, planId],
    );
    const sectionId = section.rows[0].id;
    const idx = Array.from({ length: count }, (_, i) => i);
    const titles = idx.map((i) => opts.title?.(i) ?? `要点${i + 1} ${suffix()}`);
    const dues = idx.map((i) => opts.dueDate?.(i) ?? `${year}-${String(1 + (i % 12)).padStart(2, '0')}-28`);
    const kps = await this.db.query(
      `INSERT INTO key_point (tenant_id, plan_id, section_id, seq, label, title)
       SELECT $1, $2, $3, s.seq, '(' || s.seq || ')', s.title FROM unnest($4::int[], $5::text[]) AS s(seq, title) ORDER BY s.seq RETURNING id, seq`,
      [tenant.id, planId, sectionId, idx.map((i) => i + 1), titles],
    );
    const kpBySeq = new Map<number, string>(kps.rows.map((r: { id: string; seq: number }) => [r.seq, r.id]));
    const unitIds = idx.map((i) => units[i % units.length].id);
    const made = await this.db.query(
      `INSERT INTO task (tenant_id, plan_id, key_point_id, unit_id, role, status, assigned_on, due_date, original_due_date)
       SELECT $1, $2, s.kp, s.unit, s.role, s.status, $3, s.due, s.due
         FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::date[]) AS s(kp, unit, role, status, due) RETURNING id, key_point_id`,
      [
        tenant.id,
        planId,
        `${year}-01-01`,
        idx.map((i) => kpBySeq.get(i + 1)),
        unitIds,
        idx.map((i) => opts.role?.(i) ?? 'LEAD'),
        idx.map((i) => opts.status?.(i) ?? 'NOT_STARTED'),
        dues,
      ],
    );
    const taskByKp = new Map<string, string>(
      made.rows.map((r: { id: string; key_point_id: string }) => [r.key_point_id, r.id]),
    );
    return {
      planId,
      sectionId,
      year,
      tasks: idx.map((i) => {
        const keyPointId = kpBySeq.get(i + 1)!;
        return {
          id: taskByKp.get(keyPointId)!,
          tenantId: tenant.id,
          unitId: unitIds[i],
          keyPointId,
          planId,
          title: titles[i],
          dueDate: dues[i],
        };
      }),
    };
  }

  /** A progress report on a task with URL evidence, in `urls` order (direct SQL, for evidence-check tests). */
  async urlEvidenceReport(
    task: TestTask,
    author: TestUser,
    urls: string[],
    opts: { status?: string; claimsCompletion?: boolean; submittedAt?: Date } = {},
  ): Promise<{ id: string; evidenceIds: string[] }> {
    const claims = opts.claimsCompletion ?? false;
    const { rows } = await this.db.query(
      `INSERT INTO progress_report (tenant_id, task_id, unit_id, author_id, text, progress, claims_completion, status, submitted_at)
       VALUES ($1, $2, $3, $4, '已在门户网站公开。', $5, $6, $7, $8) RETURNING id`,
      [
        task.tenantId,
        task.id,
        task.unitId,
        author.id,
        claims ? 100 : 50,
        claims,
        opts.status ?? 'PENDING_OFFICE',
        opts.submittedAt ?? new Date(),
      ],
    );
    const evidence = await this.db.query(
      `INSERT INTO report_evidence (tenant_id, report_id, kind, url, sort)
       SELECT $1, $2, 'URL', u.url, u.sort FROM unnest($3::text[]) WITH ORDINALITY AS u(url, sort) ORDER BY u.sort RETURNING id`,
      [task.tenantId, rows[0].id, urls],
    );
    return { id: rows[0].id, evidenceIds: evidence.rows.map((r: { id: string }) => r.id) };
  }
}

export interface TestKeyPoint {
  tenantId: string;
  planId: string;
  keyPointId: string;
  year: number;
}
export interface TestTask {
  id: string;
  tenantId: string;
  unitId: string;
  keyPointId: string;
  planId: string;
}

/** The error code of the first GraphQL error, for refusal assertions. */
export const errorCode = (body: { errors?: { extensions: { code: string } }[] }) => body.errors?.[0]?.extensions.code;
