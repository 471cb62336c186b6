import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLField, GraphQLObjectType } from 'graphql';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { Factory, type Client } from '../../../test/factory.js';
import type { Role } from '../../common/enums.js';
import {
  buildTenantWorld,
  currentVersion,
  ACTOR_ROLE,
  UNIT_B_ONLY,
  type Actor,
  type TenantWorld,
} from './isolation-world.js';
import { buildOperation, type BuiltOperation } from './operation-builder.js';
import { MUTATION_POLICY, QUERY_POLICY, type OperationPolicy } from './operation-policy.js';
import { changedTables, tenantChecksum } from './tenant-checksum.js';

type Kind = 'query' | 'mutation';
interface Operation {
  kind: Kind;
  field: GraphQLField<unknown, unknown>;
  policy: OperationPolicy;
}
interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Who an ANY operation is for: everyone but the security admin and auditor. */
const BUSINESS_ROLES: readonly Role[] = ['OFFICE_ADMIN', 'OFFICE_STAFF', 'UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'];
const REFUSALS = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT']);
const CHINESE = /[\u4e00-\u9fff]/;
/** Formatter messages for GraphQL's own coercion/validation errors: a refusal with one of these means the generated operation was wrong. */
const HARNESS_ERRORS = new Set(['请求参数不符合接口定义', '输入有误', '请求格式错误']);

/**
 * Every Query and Mutation of the served schema, generated with real ids of a victim tenant and run
 * as (a) another tenant's office admin, (b) the other unit's liaison and leader, (c) every role the
 * policy does not allow. Each must be refused (or, for lists, return none of the victim's rows) and
 * leave the victim's rows byte-for-byte unchanged. A positive run by the rightful user in a mirror
 * tenant proves the generated operations are valid, so the refusals are not vacuous.
 */
describe('isolation of every GraphQL operation', () => {
  let t: TestApp;
  let f: Factory;
  let victim: TenantWorld;
  let mirror: TenantWorld;
  let outsider: Client;
  let operations: Operation[];
  let unclassified: string[];

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    victim = await buildTenantWorld(f, t.db, '受害租户');
    mirror = await buildTenantWorld(f, t.db, '对照租户');
    outsider = await f.client(await f.tenant('外部租户办公厅'), 'OFFICE_ADMIN');
    const schema = t.app.get(GraphQLSchemaHost).schema;
    operations = [];
    unclassified = [];
    const collect = (
      kind: Kind,
      type: GraphQLObjectType | null | undefined,
      table: Record<string, OperationPolicy>,
    ) => {
      for (const field of Object.values(type?.getFields() ?? {})) {
        const policy = table[field.name];
        if (policy) operations.push({ kind, field, policy });
        else unclassified.push(`${kind} ${field.name}`);
      }
    };
    collect('query', schema.getQueryType(), QUERY_POLICY);
    collect('mutation', schema.getMutationType(), MUTATION_POLICY);
    // Positive runs go in the policy table's order (edits before deletes and sign-outs).
    const order = [...Object.keys(QUERY_POLICY), ...Object.keys(MUTATION_POLICY)];
    operations.sort((a, b) => order.indexOf(a.field.name) - order.indexOf(b.field.name));
  }, 240_000);
  afterAll(() => t?.close());

  /** Ids and versions from `world`; a tenant-wide version (settings) is the caller's own tenant's. */
  const build = (op: Operation, world: TenantWorld, callerTenantId = world.tenant.id) =>
    buildOperation(op.kind, op.field, op.policy, {
      ids: world.ids,
      year: world.year,
      version: (kind) => (kind === 'tenant' ? tenantVersion(callerTenantId) : currentVersion(t.db, world, kind)),
    });
  const tenantVersion = async (tenantId: string) =>
    (await t.db.query(`SELECT version FROM tenant WHERE id = $1`, [tenantId])).rows[0].version as number;

  const run = async (client: Client, built: BuiltOperation): Promise<GqlBody> =>
    client.gql(built.query, built.variables);

  /** Problems with a response that should be a refusal, or data free of `secrets`; empty when fine. */
  function judge(op: Operation, body: GqlBody, secrets: string[], mustRefuse: boolean): string[] {
    const problems: string[] = [];
    if (body.errors?.length) {
      for (const e of body.errors) {
        const code = e.extensions?.code ?? 'NO_CODE';
        // Acting on its own tenant (no victim id named), a business CONFLICT is an ordinary answer.
        if (!REFUSALS.has(code) && !(code === 'CONFLICT' && !mustRefuse))
          problems.push(`error code ${code}: ${e.message}`);
        if (HARNESS_ERRORS.has(e.message)) problems.push(`generated operation invalid (${e.message})`);
        if (!CHINESE.test(e.message)) problems.push(`error message not in Chinese: ${e.message}`);
      }
    } else if (mustRefuse) {
      problems.push(`not refused: ${JSON.stringify(body.data).slice(0, 200)}`);
    }
    const text = JSON.stringify(body.data ?? null);
    const leaked = secrets.filter((s) => text.includes(s));
    if (leaked.length) problems.push(`leaked ${leaked.length} victim value(s): ${leaked.slice(0, 3).join(', ')}`);
    return problems;
  }

  async function attack(
    label: string,
    client: Client,
    op: Operation,
    secrets: string[],
    mustRefuse: (built: BuiltOperation) => boolean,
  ): Promise<string[]> {
    const built = await build(op, victim, client.user.tenantId);
    const before = op.kind === 'mutation' ? await tenantChecksum(t.db, victim.tenant.id) : null;
    const body = await run(client, built);
    const problems = judge(op, body, secrets, mustRefuse(built));
    if (before) {
      const changed = changedTables(before, await tenantChecksum(t.db, victim.tenant.id));
      if (changed.length) problems.push(`changed victim rows in ${changed.join(', ')}`);
    }
    return problems.map((p) => `${label} ${op.kind} ${op.field.name}: ${p}`);
  }

  it('classifies every query and mutation of the served schema, and every id argument they take', async () => {
    expect(unclassified).toEqual([]);
    const unknownIds: string[] = [];
    for (const op of operations) await build(op, victim).catch((error: Error) => unknownIds.push(error.message));
    expect(unknownIds).toEqual([]);
    expect(operations.length).toBeGreaterThan(40);
  });

  it("refuses every operation to another tenant's office admin using the victim's real ids, and leaks nothing", async () => {
    const failures: string[] = [];
    const secrets = [victim.marker, ...victim.allIds];
    for (const op of operations) {
      // Sign-out and password changes end or change the caller's own session: give each a fresh caller.
      const client =
        op.policy.self && op.kind === 'mutation'
          ? await f.client(await f.tenant('外部租户办公厅'), 'OFFICE_ADMIN')
          : outsider;
      // An operation naming a victim row must be refused; one naming none acts on the caller's own tenant.
      failures.push(
        ...(await attack('outsider', client, op, secrets, (built) => op.kind === 'mutation' && built.kinds.length > 0)),
      );
    }
    expect(failures).toEqual([]);
  });

  it("refuses every operation on the victim's rows to its upper tenant, a sibling and its lower tenant (上下联动), as to an outsider", async () => {
    const failures: string[] = [];
    // The relatives' own tenant ids are theirs (a sibling shares the upper), not the victim's rows.
    const relativeIds = new Set(Object.values(victim.relatives).map((r) => r.tenant.id));
    const secrets = [victim.marker, ...victim.allIds.filter((id) => !relativeIds.has(id))];
    for (const relation of ['upper', 'sibling', 'lower'] as const) {
      const { admin } = victim.relatives[relation];
      for (const op of operations) {
        if (op.policy.self && op.kind === 'mutation') continue;
        // The lower tenant's link to the victim, and the sibling's to the shared upper, are their own to end
        // (tested in levels/tenant-link.integration-spec); the upper naming itself must be refused.
        if (relation !== 'upper' && op.field.name === 'endUpperTenantLink') continue;
        // Upper and lower each know the victim by id and name through the link itself; a sibling must not.
        // The upper's 下级落实 lists its lower tenants by id and name too (what the victim shares is tested in levels/lower-rollup).
        const linked =
          (relation !== 'sibling' && op.field.name === 'tenantLinks') ||
          (relation === 'upper' && op.field.name === 'lowerCoverage');
        const own = linked ? secrets.filter((x) => x !== victim.tenant.id && x !== victim.marker) : secrets;
        failures.push(
          ...(await attack(relation, admin, op, own, (built) => op.kind === 'mutation' && built.kinds.length > 0)),
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses unit A's liaison and leader everything on unit B's own rows", async () => {
    const failures: string[] = [];
    const secrets = UNIT_B_ONLY.map((k) => victim.ids[k]);
    for (const actor of ['liaisonA', 'leaderA'] as Actor[]) {
      for (const op of operations) {
        // Own password/session/preferences are the caller's business; marking read still names B's notification.
        if (op.policy.self && op.field.name !== 'markNotificationsRead') continue;
        failures.push(
          ...(await attack(
            actor,
            victim.clients[actor],
            op,
            secrets,
            (built) => op.kind === 'mutation' && !op.policy.self && built.kinds.length > 0,
          )),
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses every role the policy does not allow, inside the same tenant (三员分立 included)', async () => {
    const failures: string[] = [];
    const others: Actor[] = [
      'officeAdmin',
      'officeStaff',
      'liaisonB',
      'leaderB',
      'leadership',
      'securityAdmin',
      'auditor',
    ];
    for (const op of operations) {
      if (op.policy.public || op.policy.self) continue;
      const allowed = op.policy.roles === 'ANY' ? BUSINESS_ROLES : (op.policy.roles as readonly Role[]);
      for (const actor of others.filter((a) => !allowed.includes(ACTOR_ROLE[a]))) {
        failures.push(...(await attack(actor, victim.clients[actor], op, [], () => true)));
      }
    }
    expect(failures).toEqual([]);
  }, 360_000);

  it('runs every generated operation for its rightful user in the mirror tenant (the refusals are not vacuous)', async () => {
    const failures: string[] = [];
    const ownerOf = (policy: OperationPolicy): Actor => {
      if (policy.owner) return policy.owner;
      if (policy.roles === 'ANY') return 'officeAdmin';
      const roles = policy.roles as readonly Role[];
      if (roles.includes('OFFICE_ADMIN')) return 'officeAdmin';
      if (roles.includes('SECURITY_ADMIN')) return 'securityAdmin';
      if (roles.includes('SECURITY_AUDITOR')) return 'auditor';
      if (roles.includes('UNIT_LIAISON')) return 'liaisonB';
      if (roles.includes('UNIT_LEADER')) return 'leaderB';
      return 'leadership';
    };
    for (const op of operations) {
      if (op.policy.noPositive) continue;
      const built = await build(op, mirror);
      const body = await run(mirror.clients[ownerOf(op.policy)], built);
      // The leak scans above look for ids in responses: make sure a rightful read does return them.
      const idKind = op.policy.kinds?.id;
      if (op.kind === 'query' && idKind && !body.errors && !JSON.stringify(body.data).includes(mirror.ids[idKind])) {
        failures.push(`query ${op.field.name}: the rightful read did not return the row's id`);
      }
      if (body.errors?.length)
        failures.push(
          `${op.kind} ${op.field.name} as ${ownerOf(op.policy)}: ${body.errors.map((e) => `${e.extensions?.code} ${e.message}`).join('; ')} ${process.env.DEBUG_ISOLATION ? built.query : ''}`,
        );
    }
    expect(failures).toEqual([]);
  });
});
