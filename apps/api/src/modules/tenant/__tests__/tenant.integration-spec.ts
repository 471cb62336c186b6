import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type TestTenant } from '../../../../test/factory.js';
import { TenantSettingsService } from '../tenant-settings.service.js';

const TENANT = `{ tenant { id code name version settings { leaderApproval yellowWithinWorkingDays paceMarginPercent defaultDueMonthDay
  reportCycle { kind dayOfMonth weekday } remindBeforeWorkingDays urgeAfterWorkingDays superviseAfterWorkingDays signWithinWorkingDays } } }`;
const UPDATE = `mutation($input: UpdateTenantSettingsInput!, $version: Int!) {
  updateTenantSettings(input: $input, version: $version) { version settings { leaderApproval yellowWithinWorkingDays reportCycle { kind dayOfMonth weekday } signWithinWorkingDays } } }`;

describe('tenant and its settings', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant('测试市人民政府办公室');
  });
  afterAll(() => t.close());

  it('shows every role its own tenant with defaults filled in for settings never set', async () => {
    for (const role of ['OFFICE_ADMIN', 'OFFICE_STAFF', 'UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'] as const) {
      const c = await f.client(tenant, role);
      const { tenant: got } = await c.ok(TENANT);
      expect(got).toMatchObject({ id: tenant.id, code: tenant.code, name: '测试市人民政府办公室' });
      expect(got.settings).toEqual({
        leaderApproval: false,
        yellowWithinWorkingDays: 10,
        paceMarginPercent: 20,
        defaultDueMonthDay: '12-31',
        reportCycle: { kind: 'MONTHLY', dayOfMonth: 25, weekday: null },
        remindBeforeWorkingDays: 3,
        urgeAfterWorkingDays: 1,
        superviseAfterWorkingDays: 5,
        signWithinWorkingDays: 2,
      });
    }
  });

  it("no longer exposes a robot webhook (it holds the robot's token) to anyone through the tenant", async () => {
    const admin = await f.client(tenant, 'OFFICE_ADMIN');
    expect(errorCode(await admin.gql(`{ tenant { settings { webhookUrl } } }`))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('lets the office admin change some settings, keeps the rest and unknown keys, and audits before/after', async () => {
    const own = await f.tenant();
    await t.db.query(`UPDATE tenant SET settings = '{"scoreRules": {"overdue": -2}}' WHERE id = $1`, [own.id]);
    const admin = await f.client(own, 'OFFICE_ADMIN');
    const { tenant: before } = await admin.ok(TENANT);
    const { updateTenantSettings } = await admin.ok(UPDATE, {
      version: before.version,
      input: { leaderApproval: true, reportCycle: { kind: 'WEEKLY', weekday: 5 }, signWithinWorkingDays: 1 },
    });
    expect(updateTenantSettings).toEqual({
      version: before.version + 1,
      settings: {
        leaderApproval: true,
        yellowWithinWorkingDays: 10,
        reportCycle: { kind: 'WEEKLY', dayOfMonth: null, weekday: 5 },
        signWithinWorkingDays: 1,
      },
    });
    const { rows } = await t.db.query(`SELECT settings FROM tenant WHERE id = $1`, [own.id]);
    expect(rows[0].settings.scoreRules).toEqual({ overdue: -2 });
    const audit = await t.db.query(
      `SELECT actor_id, action, before, after FROM audit_log WHERE tenant_id = $1 AND entity_type = 'tenant'`,
      [own.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      actor_id: admin.user.id,
      action: 'settings.update',
      before: { leaderApproval: false },
      after: { leaderApproval: true },
    });
    // Other modules read the same values through the exported service.
    const settings = await t.app.get(TenantSettingsService).get(own.id);
    expect(settings).toMatchObject({
      leaderApproval: true,
      reportCycle: { kind: 'WEEKLY', weekday: 5 },
      yellowWithinWorkingDays: 10,
    });
  });

  it('versions score rules apart from the other settings: saving one never makes the other form stale', async () => {
    const own = await f.tenant();
    const admin = await f.client(own, 'OFFICE_ADMIN');
    const RULES = `{ scoreRules { onTimeWeight version } }`;
    const UPDATE_RULES = `mutation($rules: ScoreRulesInput!, $version: Int) { updateScoreRules(rules: $rules, version: $version) { onTimeWeight version } }`;
    // Both forms open at the same time.
    const settingsForm = (await admin.ok(TENANT)).tenant.version;
    const rulesForm = (await admin.ok(RULES)).scoreRules.version;
    const { updateScoreRules } = await admin.ok(UPDATE_RULES, { rules: { onTimeWeight: 60 }, version: rulesForm });
    expect(updateScoreRules).toEqual({ onTimeWeight: 60, version: rulesForm + 1 });
    const { updateTenantSettings } = await admin.ok(UPDATE, { version: settingsForm, input: { leaderApproval: true } });
    expect(updateTenantSettings.version).toBe(settingsForm + 1);
    // Each still detects a stale copy of itself, and neither save lost the other's change.
    expect(errorCode(await admin.gql(UPDATE_RULES, { rules: { onTimeWeight: 40 }, version: rulesForm }))).toBe(
      'CONFLICT',
    );
    expect(errorCode(await admin.gql(UPDATE, { version: settingsForm, input: { leaderApproval: false } }))).toBe(
      'CONFLICT',
    );
    const { rows } = await t.db.query(`SELECT settings FROM tenant WHERE id = $1`, [own.id]);
    expect(rows[0].settings).toMatchObject({ leaderApproval: true, scoreRules: { onTimeWeight: 60 } });
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const own = await f.tenant();
    const admin = await f.client(own, 'OFFICE_ADMIN');
    const { tenant: before } = await admin.ok(TENANT);
    await admin.ok(UPDATE, { version: before.version, input: { yellowWithinWorkingDays: 5 } });
    const stale = await admin.gql(UPDATE, { version: before.version, input: { yellowWithinWorkingDays: 7 } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect((await admin.ok(TENANT)).tenant.settings.yellowWithinWorkingDays).toBe(5);
  });

  it.each([
    [{ signWithinWorkingDays: 0 }, 'signWithinWorkingDays', /1 到 30/],
    [{ defaultDueMonthDay: '02-30' }, 'defaultDueMonthDay', /月-日/],
    [{ defaultDueMonthDay: '02-29' }, 'defaultDueMonthDay', /02-29/],
    [{ yellowWithinWorkingDays: -1 }, 'yellowWithinWorkingDays', /0 到 60/],
    [{ paceMarginPercent: 101 }, 'paceMarginPercent', /0 到 100/],
    [{ reportCycle: { kind: 'MONTHLY', dayOfMonth: 32 } }, 'reportCycle.dayOfMonth', /1 到 31/],
    [{ reportCycle: { kind: 'MONTHLY' } }, 'reportCycle.dayOfMonth', /1 到 31/],
    [{ reportCycle: { kind: 'WEEKLY', weekday: 0 } }, 'reportCycle.weekday', /周一/],
    [{ leaderApproval: null }, 'leaderApproval', /不能为空/],
  ])('refuses bad input %j with a Chinese message naming the field', async (input, field, message) => {
    const own = await f.tenant();
    const admin = await f.client(own, 'OFFICE_ADMIN');
    const { tenant: before } = await admin.ok(TENANT);
    const res = await admin.gql(UPDATE, { version: before.version, input });
    expect(res.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    expect(res.errors![0].message).toMatch(message);
    expect((await admin.ok(TENANT)).tenant.version).toBe(before.version);
  });

  it('treats NONE as no report cycle', async () => {
    const own = await f.tenant();
    const admin = await f.client(own, 'OFFICE_ADMIN');
    const version = (await admin.ok(TENANT)).tenant.version;
    const { updateTenantSettings } = await admin.ok(UPDATE, {
      version,
      input: { reportCycle: { kind: 'NONE', dayOfMonth: 3 } },
    });
    expect(updateTenantSettings.settings).toMatchObject({
      reportCycle: { kind: 'NONE', dayOfMonth: null, weekday: null },
    });
  });

  it('refuses every role but the office admin, and never reaches another tenant', async () => {
    const own = await f.tenant();
    for (const role of ['OFFICE_STAFF', 'UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'] as const) {
      const c = await f.client(own, role);
      expect(errorCode(await c.gql(UPDATE, { version: 1, input: { leaderApproval: true } }))).toBe('FORBIDDEN');
    }
    // Another tenant's admin can only ever address its own tenant: ours stays untouched.
    const foreign = await f.client(await f.tenant(), 'OFFICE_ADMIN');
    await foreign.ok(UPDATE, { version: 1, input: { leaderApproval: true } });
    const { rows } = await t.db.query(`SELECT settings, version FROM tenant WHERE id = $1`, [own.id]);
    expect(rows[0]).toEqual({ settings: {}, version: 1 });
  });
});
