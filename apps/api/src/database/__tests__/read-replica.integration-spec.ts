import { captureSources, settled, type SentStatement } from '../../../test/count-statements.js';
import { download } from '../../../test/download.js';
import { Factory, type Client, type TestTenant } from '../../../test/factory.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase } from '../../../test/test-database.js';
import { GQL } from '../../../test/bench-reads.js';
import { rows } from '../../common/sql.js';
import { freePort } from '../embedded-postgres.js';
import { ReplicaReads } from '../read-replica.js';
import { runInTenant } from '../tenant-context.js';

/**
 * Reads that may go to a replica (DATABASE_READ_URL), routed by ReplicaReads. Here the "replica" is a
 * second data source: the same database through a pool of its own (application_name
 * duban-api-replica, so every statement can be told by where it went), an empty database that never
 * received the primary's writes (a replica far behind), or a port nobody listens on. `npm run bench`
 * runs a real streaming standby made with pg_basebackup.
 */
const REPLICA = 'duban-api-replica';
const PRIMARY = 'duban-api';
/** The replica's background lag check, sent beside whatever is being measured. */
const LAG_CHECK = /pg_current_wal_lsn|pg_is_in_recovery/;
const URGE = `mutation($taskId: ID!, $message: String!) { urgeTask(taskId: $taskId, message: $message) { id task { urgeCount } } }`;
const TASK = `query($id: ID!) { task(id: $id) { id urgeCount } }`;

async function sentBy(run: () => Promise<unknown>): Promise<Record<string, string[]>> {
  const sent: SentStatement[] = await captureSources(run);
  const by: Record<string, string[]> = { [PRIMARY]: [], [REPLICA]: [] };
  for (const s of sent) if (!LAG_CHECK.test(s.text)) (by[s.source] ??= []).push(s.text);
  return by;
}

describe('reads that may go to a replica', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let other: TestTenant;
  let planId: string;
  let taskId: string;
  let office: Client;
  let leader: Client;
  let otherLeader: Client;
  let reads: ReplicaReads;

  beforeAll(async () => {
    t = await createTestApp((url) => ({ DATABASE_READ_URL: url }));
    f = new Factory(t);
    tenant = await f.tenant();
    other = await f.tenant('另一个市人民政府办公厅');
    const units = [await f.unit(tenant), await f.unit(tenant)];
    const made = await f.tasks(tenant, units, 6, { year: 2026 });
    planId = made.planId;
    taskId = made.tasks[0]!.id;
    await f.tasks(other, [await f.unit(other)], 3, { year: 2026 });
    office = await f.client(tenant, 'OFFICE_STAFF');
    leader = await f.client(tenant, 'LEADERSHIP');
    otherLeader = await f.client(other, 'LEADERSHIP');
    reads = t.app.get(ReplicaReads);
    await settled();
  });
  afterAll(() => t.close());

  it('computes the scorecard and its drill-down on the replica; the primary keeps the session and the cache', async () => {
    let data: any;
    const by = await sentBy(async () => (data = await leader.ok(GQL.scorecard, { year: 2026 })));
    expect(data.scorecard.totalCount).toBe(2);
    expect(by[REPLICA]!.some((s) => /per_unit/.test(s))).toBe(true);
    expect(by[PRIMARY]!.some((s) => /per_unit/.test(s))).toBe(false);
    // The session and the revision cache's check and write stay on the primary.
    expect(by[PRIMARY]!.some((s) => /user_session/.test(s))).toBe(true);
    expect(by[PRIMARY]!.some((s) => /INSERT INTO scorecard_cache/.test(s))).toBe(true);
    expect(by[REPLICA]!.some((s) => /INSERT|UPDATE|DELETE/.test(s))).toBe(false);

    const unitId = data.scorecard.nodes[0].unitId;
    const drill = await sentBy(() =>
      leader.ok(
        `query($unitId: ID!) { scorecardTasks(unitId: $unitId, metric: LEAD_TASKS, filter: { year: 2026 }) { totalCount } }`,
        { unitId },
      ),
    );
    expect(drill[REPLICA]!.some((s) => /WITH facts|hits AS/.test(s))).toBe(true);
  });

  it('computes the progress tree on the replica once, then serves it from the cache on the primary', async () => {
    let data: any;
    const first = await sentBy(async () => (data = await leader.ok(GQL.progress, { planId })));
    expect(data.planProgress.units.map((u: any) => u.taskCount)).toEqual([3, 3]);
    expect(first[REPLICA]!.some((s) => /GROUPING SETS/.test(s))).toBe(true);
    expect(first[PRIMARY]!.some((s) => /GROUPING SETS/.test(s))).toBe(false);
    const again = await sentBy(() => leader.ok(GQL.progress, { planId }));
    expect(again[REPLICA]).toEqual([]);
  });

  it('reads the exports on the replica', async () => {
    for (const path of [
      `/exports/ledger.xlsx?planId=${planId}`,
      `/exports/tongbao.docx?planId=${planId}`,
      `/exports/annual-report-section.docx?year=2026&section=七`,
    ]) {
      let status = 0;
      const by = await sentBy(async () => (status = (await download(office, path)).status));
      expect(status).toBe(200);
      expect(by[REPLICA]!.some((s) => /FROM task t/.test(s))).toBe(true);
      expect(by[PRIMARY]!.some((s) => /FROM task t/.test(s))).toBe(false);
    }
  });

  it("takes a lower level's tasks into the upper's roll-up from the replica, and writes the roll-up on the primary", async () => {
    const city = await f.tenant('某市人民政府办公厅');
    await f.tasks(city, [await f.unit(city)], 2, { year: 2026 });
    const { code } = (await (await f.client(tenant, 'OFFICE_ADMIN')).ok(`mutation { createTenantLinkInvite { code } }`))
      .createTenantLinkInvite;
    await (
      await f.client(city, 'OFFICE_ADMIN')
    ).ok(`mutation($code: String!) { acceptTenantLinkInvite(code: $code) { upper { id } } }`, { code });
    let data: any;
    const by = await sentBy(
      async () => (data = await leader.ok(`query { lowerCoverage(year: 2026) { lowers { tenantId } } }`)),
    );
    expect(data.lowerCoverage.lowers).toEqual([{ tenantId: city.id }]);
    expect(by[REPLICA]!.some((s) => /source_key_point_id/.test(s))).toBe(true);
    expect(by[PRIMARY]!.some((s) => /source_key_point_id/.test(s))).toBe(false);
    expect(by[PRIMARY]!.some((s) => /UPDATE lower_rollup_source/.test(s))).toBe(true);
  });

  it('never sends a write, its answer or a page right after it to the replica', async () => {
    let urged: any;
    const write = await sentBy(async () => (urged = await office.ok(URGE, { taskId, message: '请尽快报送' })));
    expect(urged.urgeTask.task.urgeCount).toBe(1);
    expect(write[REPLICA]).toEqual([]);
    const page = await sentBy(() => office.ok(TASK, { id: taskId }));
    expect(page[REPLICA]).toEqual([]);
    const signIn = await sentBy(() => f.client(tenant, 'OFFICE_STAFF'));
    expect(signIn[REPLICA]).toEqual([]);
    // The scorecard after the write counts it: the replica had the write's revision before computing.
    const card = await leader.ok(
      `query { scorecard(filter: { year: 2026 }, first: 50) { nodes { counts { urgesReceived } } } }`,
    );
    expect(card.scorecard.nodes.reduce((n: number, r: any) => n + r.counts.urgesReceived, 0)).toBe(1);
  });

  it('keeps tenants apart on the replica as on the primary, and refuses writes there', async () => {
    const card = await otherLeader.ok(GQL.scorecard, { year: 2026 });
    expect(card.scorecard.totalCount).toBe(1);
    const seen = await runInTenant(tenant.id, () =>
      reads.read((db) => rows<{ tenant_id: string }>(db, `SELECT DISTINCT tenant_id FROM task`)),
    );
    expect(seen).toEqual([{ tenant_id: tenant.id }]);
    // Each replica read is one transaction opened read-only, under the primary's timeouts, as the tenant.
    const opened = await captureSources(() => runInTenant(tenant.id, () => reads.read((db) => rows(db, `SELECT 1`))), {
      roundTrips: true,
    });
    expect(opened.filter((s) => s.source === REPLICA && !LAG_CHECK.test(s.text)).map((s) => s.text)).toEqual([
      expect.stringMatching(
        /^START TRANSACTION; .*'statement_timeout'.*'idle_in_transaction_session_timeout'.*'transaction_read_only', 'on'.*'role', 'duban_tenant'/,
      ),
      'SELECT 1',
      'COMMIT',
    ]);
    const before = reads.status().replicaReads;
    await expect(
      runInTenant(tenant.id, () =>
        reads.read((db) => db.query(`UPDATE task SET progress = 99 WHERE tenant_id = $1`, [tenant.id])),
      ),
    ).rejects.toMatchObject({ driverError: { code: '25006' } });
    // Not retried on the primary either: a write has no business in a replica read.
    const { rows: changed } = await t.db.query(`SELECT count(*)::int AS n FROM task WHERE progress = 99`);
    expect(changed[0].n).toBe(0);
    expect(reads.status()).toMatchObject({ state: 'in-use', replicaReads: before });
  });

  it('shows the replica beside readiness, which stays about the primary', async () => {
    const res = await t.http.get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ready', readReplica: { state: 'in-use', lagSeconds: 0 } });
    expect(res.body.readReplica.replicaReads).toBeGreaterThan(0);
  });
});

describe('a replica that is down or behind', () => {
  it('falls back to the primary when the replica refuses connections, and tries again only later', async () => {
    const port = await freePort();
    const t = await createTestApp((url) => {
      const u = new URL(url);
      u.port = String(port);
      // Over TCP, where nothing listens on that port (not the test server's Unix socket: global-setup.ts).
      u.searchParams.delete('host');
      return { DATABASE_READ_URL: u.toString() };
    });
    try {
      const f = new Factory(t);
      const tenant = await f.tenant();
      await f.tasks(tenant, [await f.unit(tenant)], 3, { year: 2026 });
      const leader = await f.client(tenant, 'LEADERSHIP');
      const card = await leader.ok(GQL.scorecard, { year: 2026 });
      expect(card.scorecard.totalCount).toBe(1);
      const reads = t.app.get(ReplicaReads);
      expect(reads.status()).toMatchObject({ state: 'down', replicaReads: 0, fallbacks: { unavailable: 1 } });
      // Within the retry delay the replica is not asked again: the drill-down goes straight to the primary.
      const drill = await sentBy(() =>
        leader.ok(
          `query($unitId: ID!) { scorecardTasks(unitId: $unitId, metric: LEAD_TASKS, filter: { year: 2026 }) { totalCount } }`,
          { unitId: card.scorecard.nodes[0].unitId },
        ),
      );
      expect(drill[PRIMARY]!.some((s) => /hits AS/.test(s))).toBe(true);
      expect(reads.status().fallbacks.unavailable).toBe(1);
      expect((await t.http.get('/readyz')).body).toMatchObject({ status: 'ready', readReplica: { state: 'down' } });
    } finally {
      await t.close();
    }
  });

  it('does not compute the scorecard on a replica older than the revision the cache has seen', async () => {
    // A database that never received the primary's writes: a replica as far behind as one can be.
    const behind = await createTestDatabase();
    const t = await createTestApp({ DATABASE_READ_URL: behind.url });
    try {
      const f = new Factory(t);
      const tenant = await f.tenant();
      await f.tasks(tenant, [await f.unit(tenant), await f.unit(tenant)], 4, { year: 2026 });
      const leader = await f.client(tenant, 'LEADERSHIP');
      const reads = t.app.get(ReplicaReads);
      let data: any;
      const by = await sentBy(async () => (data = await leader.ok(GQL.scorecard, { year: 2026 })));
      // The primary's answer, not the empty one the replica would give.
      expect(data.scorecard.totalCount).toBe(2);
      expect(by[REPLICA]!.some((s) => /scorecard_revision/.test(s))).toBe(true);
      expect(by[REPLICA]!.some((s) => /per_unit/.test(s))).toBe(false);
      expect(reads.status().fallbacks.behind).toBe(1);
      // What the cache holds was computed at the current revision, on the primary.
      const { rows: cached } = await t.db.query(
        `SELECT c.revision = r.revision AS current, json_array_length(c.payload->'rows') AS n
           FROM scorecard_cache c JOIN scorecard_revision r ON r.tenant_id = c.tenant_id WHERE c.tenant_id = $1`,
        [tenant.id],
      );
      expect(cached).toEqual([{ current: true, n: 2 }]);
    } finally {
      await t.close();
      await behind.drop();
    }
  });
});
