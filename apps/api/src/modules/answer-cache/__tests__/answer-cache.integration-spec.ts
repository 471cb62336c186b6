import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../../app.factory.js';
import { captureStatements, settled } from '../../../../test/count-statements.js';
import {
  errorCode,
  Factory,
  sameSessionOn,
  type Client,
  type TestTenant,
  type TestUnit,
} from '../../../../test/factory.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { GQL } from '../../../../test/bench-reads.js';

const OWN_TASKS = `query { myTasks(first: 50) { totalCount nodes { id status progress lastReportAt keyPoint { title } } } }`;
const LEDGER = `query($planId: ID!) { tasks(first: 50, filter: { planId: $planId }) { totalCount nodes { id progress unit { name } keyPoint { title } } } }`;

/**
 * Two API processes on one database (two Nest apps here): A keeps answers; whatever a write changes,
 * made through B or straight in the database, is in A's very next answer, and whatever ends a
 * session on B is refused by A at once, though A has a kept answer for that very request.
 */
describe('kept answers across API processes', () => {
  let a: TestApp;
  let b: NestExpressApplication;
  let f: Factory;
  let tenant: TestTenant;
  let units: TestUnit[];
  let planId: string;
  let taskIds: string[];
  beforeAll(async () => {
    a = await createTestApp();
    b = await createApp(a.config, a.databaseUrl);
    await b.init();
    f = new Factory(a);
    tenant = await f.tenant();
    units = [await f.unit(tenant, '市教育局'), await f.unit(tenant, '市民政局')];
    const made = await f.tasks(tenant, units, 6, { year: 2026 });
    planId = made.planId;
    taskIds = made.tasks.map((t) => t.id);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  /** The same browser session sent to process B. */
  const onB = (client: Client) => sameSessionOn(b.getHttpServer(), client);

  /** What A sends to PostgreSQL for one read (the audit sealer's sweep left out). */
  const sent = async (run: () => Promise<unknown>) => {
    await settled();
    return (await captureStatements(run)).filter((s) => !/\baudit_log\b/.test(s));
  };

  it('answers a repeated read from the kept answer: one statement (the session with the stamp), nothing else', async () => {
    const liaison = await f.client(tenant, 'UNIT_LIAISON', units[0]);
    const first = await liaison.ok(OWN_TASKS);
    expect(first.myTasks.totalCount).toBe(3);
    let again: any;
    const statements = await sent(async () => (again = await liaison.ok(OWN_TASKS)));
    expect(again).toEqual(first);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/FROM user_session/);
    expect(statements[0]).toMatch(/scorecard_revision/);
  });

  it('shows a report submitted through the other process in the next answer', async () => {
    const liaison = await f.client(tenant, 'UNIT_LIAISON', units[0]);
    const before = await liaison.ok(OWN_TASKS);
    const task = before.myTasks.nodes[0];
    expect(task.lastReportAt).toBeNull();
    const submitted = await onB(liaison)(GQL.submitReport, { taskId: task.id });
    expect(submitted.errors).toBeUndefined();
    const after = await liaison.ok(OWN_TASKS);
    const same = after.myTasks.nodes.find((n: any) => n.id === task.id);
    expect(same.lastReportAt).not.toBeNull();
  });

  it('shows a unit renamed and a key point retitled straight in the database in the next answer', async () => {
    const office = await f.client(tenant, 'OFFICE_STAFF');
    const before = await office.ok(LEDGER, { planId });
    expect(before.tasks.totalCount).toBe(6);
    await a.db.query(`UPDATE unit SET name = '市教育委员会' WHERE tenant_id = $1 AND id = $2`, [
      tenant.id,
      units[0].id,
    ]);
    await a.db.query(
      `UPDATE key_point SET title = '改过的要点' WHERE tenant_id = $1 AND id = (SELECT key_point_id FROM task WHERE id = $2)`,
      [tenant.id, taskIds[0]],
    );
    const after = await office.ok(LEDGER, { planId });
    const names = after.tasks.nodes.map((n: any) => n.unit.name);
    expect(names).toContain('市教育委员会');
    expect(after.tasks.nodes.find((n: any) => n.id === taskIds[0]).keyPoint.title).toBe('改过的要点');
  });

  it("keeps each person's answer to themselves: the same document and variables, another unit", async () => {
    const first = await f.client(tenant, 'UNIT_LIAISON', units[0]);
    const second = await f.client(tenant, 'UNIT_LIAISON', units[1]);
    const mine = await first.ok(LEDGER, { planId });
    const theirs = await second.ok(LEDGER, { planId });
    expect(mine.tasks.nodes.map((n: any) => n.id)).not.toEqual(theirs.tasks.nodes.map((n: any) => n.id));
  });

  it("shares an answer between people of one scope: the unit's leader reads what its liaison was answered", async () => {
    const unit = await f.unit(tenant, '市司法局');
    await f.tasks(tenant, [unit], 2, { year: 2026 });
    const liaison = await f.client(tenant, 'UNIT_LIAISON', unit);
    const otherLiaison = await f.client(tenant, 'UNIT_LIAISON', unit);
    const leader = await f.client(tenant, 'UNIT_LEADER', unit);
    const first = await liaison.ok(OWN_TASKS);
    let same: any;
    expect(await sent(async () => (same = await otherLiaison.ok(OWN_TASKS)))).toHaveLength(1);
    expect(same).toEqual(first);
    // Another role is another scope, though the unit is the same.
    expect((await sent(() => leader.ok(OWN_TASKS))).length).toBeGreaterThan(1);
  });

  it('refuses a session signed out in the other process, though its answer is kept', async () => {
    const liaison = await f.client(tenant, 'UNIT_LIAISON', units[1]);
    await liaison.ok(OWN_TASKS);
    await liaison.ok(OWN_TASKS);
    expect((await onB(liaison)('mutation { signOut }')).data).toEqual({ signOut: true });
    const next = await liaison.gql(OWN_TASKS);
    expect(errorCode(next)).toBe('UNAUTHENTICATED');
    expect(next.data ?? null).toBeNull();
  });

  it('refuses a person deactivated in the other process, though their answer is kept', async () => {
    const liaison = await f.client(tenant, 'UNIT_LIAISON', units[1]);
    await liaison.ok(OWN_TASKS);
    await a.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [liaison.user.id]);
    expect(errorCode(await liaison.gql(OWN_TASKS))).toBe('UNAUTHENTICATED');
  });

  it('computes every time a read that selects a field the stamp does not cover', async () => {
    const liaison = await f.client(tenant, 'UNIT_LIAISON', units[0]);
    const withMilestones = `query { myTasks(first: 50) { nodes { id milestones { id } } } }`;
    await liaison.ok(withMilestones);
    const statements = await sent(() => liaison.ok(withMilestones));
    expect(statements.some((s) => /task_milestone/.test(s))).toBe(true);
    expect(statements.length).toBeGreaterThan(1);
  });

  it('refuses variables nested past the stack on a read it could keep as input, never with a 500', async () => {
    const liaison = await f.client(tenant, 'UNIT_LIAISON', units[0]);
    const query = JSON.stringify('query($f: TaskFilterInput) { myTasks(filter: $f) { totalCount } }');
    const body = `{"query":${query},"variables":{"f":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`;
    const res = await liaison.agent
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-csrf-token', liaison.csrf)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('keeps no answer that had an error: a role the root field refuses is refused every time', async () => {
    const office = await f.client(tenant, 'OFFICE_STAFF');
    expect(errorCode(await office.gql(OWN_TASKS))).toBe('FORBIDDEN');
    expect(errorCode(await office.gql(OWN_TASKS))).toBe('FORBIDDEN');
  });

  it('recomputes after a change to the tenant settings or the calendar', async () => {
    const leader = await f.client(tenant, 'LEADERSHIP');
    await leader.ok(GQL.scorecard, { year: 2026 });
    const kept = await sent(() => leader.ok(GQL.scorecard, { year: 2026 }));
    expect(kept).toHaveLength(1);
    await a.db.query(`UPDATE tenant SET settings = settings || '{"yellowWithinWorkingDays": 7}'::jsonb WHERE id = $1`, [
      tenant.id,
    ]);
    expect((await sent(() => leader.ok(GQL.scorecard, { year: 2026 }))).length).toBeGreaterThan(1);
    await a.db.query(
      `INSERT INTO calendar_revision (tenant_id) VALUES ($1) ON CONFLICT (tenant_id) DO UPDATE SET revision = calendar_revision.revision + 1`,
      [tenant.id],
    );
    expect((await sent(() => leader.ok(GQL.scorecard, { year: 2026 }))).length).toBeGreaterThan(1);
  });
});
