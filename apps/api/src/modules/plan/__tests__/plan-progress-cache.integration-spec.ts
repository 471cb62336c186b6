import { Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';

const TREE = `query($planId: ID!) { planProgress(planId: $planId) { sections { keyPoints { keyPointId title taskCount averageProgress
  byLight { light count } } } units { unitId taskCount averageProgress } } }`;

/**
 * The progress tree is cached by the scorecard's revision (shared by every API process): a cached
 * tree never outlives a write that changes it, and each viewer's scope is cached apart.
 */
describe('the plan progress tree cache', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let planId: string;
  let units: TestUnit[];
  let leader: Client;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    units = [await f.unit(tenant), await f.unit(tenant)];
    ({ planId } = await f.tasks(tenant, units, 4, { year: 2026 }));
    leader = await f.client(tenant, 'LEADERSHIP');
  });
  afterAll(() => t.close());

  const tree = async (client: Client) => (await client.ok(TREE, { planId })).planProgress;
  const keyPoints = (answer: any) => answer.sections.flatMap((s: any) => s.keyPoints);

  it('answers a changed task, key point or unit at the next read', async () => {
    const before = await tree(leader);
    expect(await tree(leader)).toEqual(before);
    const [first] = keyPoints(before);
    await t.db.query(
      `UPDATE task SET progress = 100, light = 'DONE', status = 'DONE' WHERE tenant_id = $1 AND key_point_id = $2`,
      [tenant.id, first.keyPointId],
    );
    const afterTask = keyPoints(await tree(leader)).find((k: any) => k.keyPointId === first.keyPointId);
    expect(afterTask.averageProgress).toBe(100);
    expect(afterTask.byLight).toEqual([{ light: 'DONE', count: first.taskCount }]);

    await t.db.query(`UPDATE key_point SET title = '修改后的要点' WHERE tenant_id = $1 AND id = $2`, [
      tenant.id,
      first.keyPointId,
    ]);
    expect(keyPoints(await tree(leader)).find((k: any) => k.keyPointId === first.keyPointId).title).toBe(
      '修改后的要点',
    );
  });

  it('keeps each unit’s part apart from the whole tree', async () => {
    const whole = await tree(leader);
    expect(whole.units).toHaveLength(2);
    const liaison = await f.client(tenant, 'UNIT_LIAISON', units[0]);
    const own = await tree(liaison);
    expect(own.units.map((u: any) => u.unitId)).toEqual([units[0]!.id]);
    // And the whole tree is still the whole one after the unit's was cached.
    expect((await tree(leader)).units).toHaveLength(2);
  });
});
