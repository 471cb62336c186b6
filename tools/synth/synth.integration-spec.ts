import pg from 'pg';
import { createTestApp, type TestApp } from '../../apps/api/test/test-app.js';
import { createTestDatabase } from '../../apps/api/test/test-database.js';
import { generateSynthData, provinceCode, SYNTH_PASSWORD, type SynthOptions } from './synth.js';

const TINY: Partial<SynthOptions> = {
  seed: 7,
  today: '2026-11-23',
  totalTasks: 400,
  province: { units: 20, years: 2, keyPointsPerYear: 12, unitsPerKeyPoint: 8, reportsPerTask: 5 },
  filler: { units: 10, years: 2, keyPointsPerYear: 8, unitsPerKeyPoint: 5, reportsPerTask: 2 },
  concurrency: 2,
  batchRows: 200,
  log: () => undefined,
};

async function fingerprint(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query(`
      SELECT (SELECT count(*) FROM tenant)::int AS tenants, (SELECT count(*) FROM unit)::int AS units, (SELECT count(*) FROM task)::int AS tasks,
             (SELECT count(*) FROM progress_report)::int AS reports, (SELECT count(*) FROM delay_request)::int AS delays, (SELECT count(*) FROM urge)::int AS urges,
             (SELECT md5(string_agg(id::text || due_date || original_due_date || status || light || progress, ',' ORDER BY id)) FROM task) AS checksum`);
    return rows[0];
  } finally {
    await db.end();
  }
}

describe('synthetic data generator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await generateSynthData({ ...TINY, databaseUrl: t.databaseUrl });
  });
  afterAll(() => t.close());

  it('writes the province and filler tenants with tasks, reports, delays and urges', async () => {
    const f = await fingerprint(t.databaseUrl);
    expect(f.tenants).toBeGreaterThanOrEqual(2);
    expect(f.units).toBe(20 + 10 * (f.tenants - 1));
    expect(f.tasks).toBeGreaterThan(200);
    expect(f.reports).toBeGreaterThan(f.tasks);
  });

  it('is reproducible: the same seed gives the same rows, another seed does not', async () => {
    const again = await createTestDatabase();
    const other = await createTestDatabase();
    try {
      await generateSynthData({ ...TINY, databaseUrl: again.url });
      await generateSynthData({ ...TINY, seed: 8, databaseUrl: other.url });
      const [a, b, c] = await Promise.all([fingerprint(t.databaseUrl), fingerprint(again.url), fingerprint(other.url)]);
      expect(b).toEqual(a);
      expect(c.checksum).not.toEqual(a.checksum);
    } finally {
      await again.drop();
      await other.drop();
    }
  });

  it('places every event before --today and keeps dates consistent', async () => {
    const { rows } = await t.db.query(`
      SELECT (SELECT count(*) FROM task WHERE assigned_on >= '2026-11-23' OR completed_at >= '2026-11-23' OR accepted_at >= '2026-11-23'
                OR last_report_at >= '2026-11-23' OR due_date < assigned_on OR completed_at < assigned_on)::int AS bad_tasks,
             (SELECT count(*) FROM progress_report WHERE submitted_at >= '2026-11-23' OR reviewed_at < submitted_at)::int AS bad_reports,
             (SELECT count(*) FROM urge WHERE created_at >= '2026-11-23' OR acknowledged_at < created_at)::int AS bad_urges,
             (SELECT count(*) FROM delay_request WHERE created_at >= '2026-11-23' OR (status = 'APPROVED') <> (decided_at IS NOT NULL AND status = 'APPROVED'))::int AS bad_delays,
             (SELECT count(*) FROM task t WHERE t.status = 'DONE' AND (t.completed_at IS NULL OR t.progress <> 100))::int AS bad_done,
             (SELECT count(*) FROM task t JOIN delay_request d ON d.tenant_id = t.tenant_id AND d.task_id = t.id
               WHERE d.status = 'APPROVED' AND t.due_date <> d.requested_due_date)::int AS bad_approved,
             (SELECT count(*) FROM task t WHERE t.urge_count <> (SELECT count(*) FROM urge u WHERE u.tenant_id = t.tenant_id AND u.task_id = t.id))::int AS bad_urge_counts`);
    expect(rows[0]).toEqual({
      bad_tasks: 0,
      bad_reports: 0,
      bad_urges: 0,
      bad_delays: 0,
      bad_done: 0,
      bad_approved: 0,
      bad_urge_counts: 0,
    });
  });

  it('refuses to write the same tenant code twice unless asked to replace it', async () => {
    await expect(generateSynthData({ ...TINY, databaseUrl: t.databaseUrl, provinceOnly: true })).rejects.toThrow(
      /already exists/,
    );
    const before = await fingerprint(t.databaseUrl);
    await generateSynthData({ ...TINY, databaseUrl: t.databaseUrl, provinceOnly: true, replace: true });
    expect(await fingerprint(t.databaseUrl)).toEqual(before);
  });

  it('lets the API sign in as the generated office user and read its tasks', async () => {
    const agent = (await import('supertest')).default.agent(t.app.getHttpServer());
    const signIn = await agent.post('/graphql').send({
      query: `mutation($input: SignInInput!) { signIn(input: $input) { csrfToken } }`,
      variables: { input: { tenantCode: provinceCode('synth'), username: 'office', password: SYNTH_PASSWORD } },
    });
    expect(signIn.body.errors).toBeUndefined();
    const csrf = signIn.body.data.signIn.csrfToken;
    const res = await agent
      .post('/graphql')
      .set('x-csrf-token', csrf)
      .send({ query: `{ tasks(first: 5) { totalCount nodes { id unit { name } } } }` });
    expect(res.body.errors).toBeUndefined();
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM task JOIN tenant ON tenant.id = task.tenant_id WHERE tenant.code = $1`,
      [provinceCode('synth')],
    );
    expect(res.body.data.tasks.totalCount).toBe(rows[0].n);
    expect(res.body.data.tasks.nodes).toHaveLength(5);
  });
});
