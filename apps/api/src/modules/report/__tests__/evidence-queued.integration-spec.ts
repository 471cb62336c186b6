import { createSecondApp, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { Factory, type TestKeyPoint, type TestTenant } from '../../../../test/factory.js';

const SUBMIT = `mutation($taskId: ID!, $input: SubmitReportInput!) { submitReport(taskId: $taskId, input: $input) { id } }`;
const URL = 'https://www.example.gov.cn/zwgk/a.html';

// The evidence check used to be queued after the commit, fire-and-forget, and never by a process
// with JOBS_ENABLED=false: a crash between the two, or a request served by such a process, lost it.
describe("a report's evidence check is queued with the report, by any process", () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let kp: TestKeyPoint;
  const submit = async (evidenceUrls: string[]) => {
    const unit = await f.unit(tenant);
    const liaison = await f.client(tenant, 'UNIT_LIAISON', unit);
    const task = await f.keyPointTask(kp, unit);
    return (await liaison.ok(SUBMIT, { taskId: task.id, input: { text: '已公开。', progress: 30, evidenceUrls } }))
      .submitReport.id as string;
  };
  const checks = async () =>
    (
      await t.db.query(
        `SELECT data->>'reportId' AS report, singleton_key AS key, state FROM pgboss.job WHERE name = 'evidence-check' ORDER BY created_on`,
      )
    ).rows;

  beforeAll(async () => {
    t = await createTestApp(); // JOBS_ENABLED=false: this process works no jobs
    f = new Factory(t);
    tenant = await f.tenant();
    kp = await f.keyPointPlan(tenant);
  });
  afterAll(() => t.close());

  it('saves the report when no process with jobs has created the queue yet', async () => {
    const id = await submit([URL]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM progress_report WHERE id = $1`, [id])).rows[0].n).toBe(1);
    expect((await t.db.query(`SELECT to_regclass('pgboss.job') AS job`)).rows[0].job).toBeNull();
  });

  it('queues the check in the transaction of a report submitted to a process without jobs', async () => {
    // A process with jobs starts once (creating the queue), and is gone again: nothing works the queue.
    const jobs = await createSecondApp(t, { JOBS_ENABLED: 'true' });
    await jobs.close();
    const withUrl = await submit([URL]);
    await submit([]); // no evidence page, nothing to check
    expect(await checks()).toEqual([{ report: withUrl, key: withUrl, state: 'created' }]);
  });
});
