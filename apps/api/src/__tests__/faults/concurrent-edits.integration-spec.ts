import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { Factory, type Client, type TestTenant } from '../../../test/factory.js';

const UPDATE_KEY_POINT = `mutation($id: ID!, $version: Int!, $input: UpdateKeyPointInput!) { updateKeyPoint(id: $id, version: $version, input: $input) { id title version } }`;
const DECIDE_DELAY = `mutation($id: ID!, $version: Int!, $input: DecideDelayInput!) { decideDelay(id: $id, version: $version, input: $input) { id status version } }`;
const EDITS = 50;
/**
 * What every loser must get: the version check's CONFLICT, found at once. A database refusal (a lock
 * timeout, a deadlock) carries `reason` as well, so a loser that waited out the lock shows up here by name.
 */
const VERSION_CONFLICT = { code: 'CONFLICT' };

const loserRefusals = (results: { errors?: { extensions: object }[] }[]) =>
  results.filter((r) => r.errors).map((r) => r.errors![0].extensions);

/** Optimistic locking under real concurrency: many editors, one version, no lost update. */
describe('50 concurrent edits of one row', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let editors: Client[];
  const year = new Date().getFullYear();

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    // Several signed-in office users, as in an office where many people edit at once.
    editors = await Promise.all(
      Array.from({ length: 5 }, (_, i) => f.client(tenant, i === 0 ? 'OFFICE_ADMIN' : 'OFFICE_STAFF')),
    );
  });
  afterAll(() => t.close());

  async function draftKeyPoint(): Promise<string> {
    const plan = await t.db.query(
      `INSERT INTO plan (tenant_id, year, title) VALUES ($1, $2, '并发测试草稿') RETURNING id`,
      [tenant.id, year],
    );
    const kp = await t.db.query(
      `INSERT INTO key_point (tenant_id, plan_id, seq, title) VALUES ($1, $2, 1, '原标题') RETURNING id`,
      [tenant.id, plan.rows[0].id],
    );
    return kp.rows[0].id;
  }

  it('lets exactly one of 50 edits with the same version win; the others get CONFLICT; the row holds the winner', async () => {
    const id = await draftKeyPoint();
    const results = await Promise.all(
      Array.from({ length: EDITS }, (_, i) =>
        editors[i % editors.length].gql(UPDATE_KEY_POINT, { id, version: 1, input: { title: `并发标题${i}` } }),
      ),
    );
    const winners = results.map((r, i) => ({ r, i })).filter(({ r }) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(loserRefusals(results)).toEqual(Array(EDITS - 1).fill(VERSION_CONFLICT));
    const { rows } = await t.db.query(`SELECT title, version FROM key_point WHERE tenant_id = $1 AND id = $2`, [
      tenant.id,
      id,
    ]);
    expect(rows[0]).toEqual({ title: `并发标题${winners[0].i}`, version: 2 });
    const audit = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 AND action LIKE '%update%'`,
      [tenant.id, id],
    );
    expect(audit.rows[0].n).toBe(1);
  });

  it('loses none of 50 edits made one after another with fresh versions', async () => {
    const id = await draftKeyPoint();
    let version = 1;
    for (let i = 0; i < EDITS; i++) {
      const data = await editors[i % editors.length].ok(UPDATE_KEY_POINT, {
        id,
        version,
        input: { title: `第${i}次修改` },
      });
      expect(data.updateKeyPoint.version).toBe(version + 1);
      version = data.updateKeyPoint.version;
    }
    const { rows } = await t.db.query(`SELECT title, version FROM key_point WHERE tenant_id = $1 AND id = $2`, [
      tenant.id,
      id,
    ]);
    expect(rows[0]).toEqual({ title: `第${EDITS - 1}次修改`, version: EDITS + 1 });
    const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND entity_id = $2`, [
      tenant.id,
      id,
    ]);
    expect(audit.rows[0].n).toBe(EDITS);
  });

  it('moves a task due date exactly once when 50 approvals of one delay request race', async () => {
    const unit = await f.unit(tenant);
    const kp = await f.keyPointPlan(tenant, { year });
    const task = await f.keyPointTask(kp, unit, 'LEAD', { status: 'IN_PROGRESS', dueDate: `${year}-12-31` });
    const liaison = await f.user(tenant, 'UNIT_LIAISON', unit);
    const delay = await t.db.query(
      `INSERT INTO delay_request (tenant_id, task_id, requested_by, reason, current_due_date, requested_due_date) VALUES ($1, $2, $3, '需要协调', $4, $5) RETURNING id`,
      [tenant.id, task.id, liaison.id, `${year}-12-31`, `${year + 1}-03-31`],
    );
    const id = delay.rows[0].id;
    const results = await Promise.all(
      Array.from({ length: EDITS }, (_, i) =>
        editors[i % editors.length].gql(DECIDE_DELAY, {
          id,
          version: 1,
          input: { approve: i % 2 === 0, comment: `第${i}个决定` },
        }),
      ),
    );
    const winners = results.map((r, i) => ({ r, i })).filter(({ r }) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(loserRefusals(results)).toEqual(Array(EDITS - 1).fill(VERSION_CONFLICT));
    const approved = winners[0].i % 2 === 0;
    const row = await t.db.query(
      `SELECT status, decision_comment, version FROM delay_request WHERE tenant_id = $1 AND id = $2`,
      [tenant.id, id],
    );
    expect(row.rows[0]).toEqual({
      status: approved ? 'APPROVED' : 'REFUSED',
      decision_comment: `第${winners[0].i}个决定`,
      version: 2,
    });
    const taskRow = await t.db.query(`SELECT due_date FROM task WHERE tenant_id = $1 AND id = $2`, [
      tenant.id,
      task.id,
    ]);
    expect(taskRow.rows[0].due_date).toBe(approved ? `${year + 1}-03-31` : `${year}-12-31`);
  });
});
