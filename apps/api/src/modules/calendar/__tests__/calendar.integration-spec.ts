import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant } from '../../../../test/factory.js';
import { CalendarService } from '../calendar.service.js';

const YEAR = `query($year: Int!) { calendarYear(year: $year) { year covered confirmedByOffice workingDayCount days { date isWorkingDay source note correctionVersion } } }`;
const SET = `mutation($input: SetCalendarDayInput!) { setCalendarDay(input: $input) { date isWorkingDay source note correctionVersion } }`;
const REMOVE = `mutation($date: String!, $version: Int!) { removeCalendarCorrection(date: $date, version: $version) { date isWorkingDay source correctionVersion } }`;
const CONFIRM = `mutation($year: Int!) { confirmCalendarYear(year: $year) { year covered confirmedByOffice } }`;
const COVERAGE = `query($years: [Int!]) { calendarCoverage(years: $years) { year covered } }`;

describe('working-day calendar', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let office: Client;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    office = await f.client(tenant, 'OFFICE_ADMIN');
  });
  afterAll(() => t.close());

  const dayOf = (data: any, date: string) => data.calendarYear.days.find((d: any) => d.date === date);

  it('shows the 2026 National Day holiday and the 调休 Saturday from the State Council notice', async () => {
    const data = await office.ok(YEAR, { year: 2026 });
    expect(data.calendarYear).toMatchObject({ year: 2026, covered: true, confirmedByOffice: false });
    expect(data.calendarYear.days).toHaveLength(365);
    for (let d = 1; d <= 7; d++) {
      expect(dayOf(data, `2026-10-0${d}`)).toMatchObject({
        isWorkingDay: false,
        source: 'HOLIDAY_NOTICE',
        note: '国庆节',
      });
    }
    expect(dayOf(data, '2026-10-08')).toMatchObject({ isWorkingDay: true, source: 'WEEKDAY_RULE' });
    expect(dayOf(data, '2026-10-10')).toMatchObject({ isWorkingDay: true, source: 'HOLIDAY_NOTICE', note: '国庆节' }); // Saturday
    expect(dayOf(data, '2026-10-11')).toMatchObject({ isWorkingDay: false, source: 'WEEKDAY_RULE' }); // Sunday
    // Working days across the holiday, counted by the service other modules use.
    const calendar = await t.app.get(CalendarService).forTenant(tenant.id);
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3); // 10-08, 10-09, 10-10
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
  });

  it('applies an office correction to this tenant only, audits it, and drops it again', async () => {
    const other = await f.tenant();
    const set = await office.ok(SET, { input: { date: '2026-10-09', workday: false, note: '本地调休' } });
    expect(set.setCalendarDay).toEqual({
      date: '2026-10-09',
      isWorkingDay: false,
      source: 'TENANT_CORRECTION',
      note: '本地调休',
      correctionVersion: 1,
    });
    const calendar = await t.app.get(CalendarService).forTenant(tenant.id);
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-10')).toBe(2);
    expect((await t.app.get(CalendarService).forTenant(other.id)).isWorkingDay('2026-10-09')).toBe(true);

    const changed = await office.ok(SET, {
      input: { date: '2026-10-09', workday: false, note: '全天放假', version: 1 },
    });
    expect(changed.setCalendarDay.correctionVersion).toBe(2);
    const stale = await office.gql(SET, { input: { date: '2026-10-09', workday: true, version: 1 } });
    expect(errorCode(stale)).toBe('CONFLICT');
    const addedMeanwhile = await office.gql(SET, { input: { date: '2026-10-09', workday: true } });
    expect(errorCode(addedMeanwhile)).toBe('CONFLICT');

    const removed = await office.ok(REMOVE, { date: '2026-10-09', version: 2 });
    expect(removed.removeCalendarCorrection).toEqual({
      date: '2026-10-09',
      isWorkingDay: true,
      source: 'WEEKDAY_RULE',
      correctionVersion: null,
    });
    const { rows } = await t.db.query(
      `SELECT action, actor_id, before, after FROM audit_log WHERE tenant_id = $1 AND entity_type = 'calendar_correction' ORDER BY id`,
      [tenant.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['calendar.create', 'calendar.update', 'calendar.remove']);
    expect(rows.every((r) => r.actor_id === office.user.id)).toBe(true);
    expect(rows[1].before).toMatchObject({ note: '本地调休', version: 1 });
    expect(rows[1].after).toMatchObject({ note: '全天放假', version: 2 });
  });

  it('reports plan years the notice data does not cover until the office confirms them', async () => {
    await f.keyPointPlan(tenant, { year: 2027 });
    await f.keyPointPlan(tenant, { year: 2026 });
    expect((await office.ok(COVERAGE)).calendarCoverage).toEqual([
      { year: 2026, covered: true },
      { year: 2027, covered: false },
    ]);
    const confirmed = await office.ok(CONFIRM, { year: 2027 });
    expect(confirmed.confirmCalendarYear).toEqual({ year: 2027, covered: true, confirmedByOffice: true });
    expect((await office.ok(COVERAGE, { years: [2027, 2030] })).calendarCoverage).toEqual([
      { year: 2027, covered: true },
      { year: 2030, covered: false },
    ]);
  });

  it('rejects bad input with a field and a Chinese message', async () => {
    const badDate = await office.gql(SET, { input: { date: '2026-02-30', workday: true } });
    expect(errorCode(badDate)).toBe('BAD_USER_INPUT');
    expect(badDate.errors![0]).toMatchObject({
      message: expect.stringContaining('日期'),
      extensions: { field: 'date' },
    });
    const longNote = await office.gql(SET, { input: { date: '2026-03-02', workday: false, note: '很'.repeat(51) } });
    expect(longNote.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'note' } });
    expect(errorCode(await office.gql(YEAR, { year: 1999 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await office.gql(REMOVE, { date: '2026-03-03', version: 1 }))).toBe('NOT_FOUND');
  });

  it('lets only the office edit the calendar, and only its own tenant', async () => {
    for (const role of ['UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'] as const) {
      const c = await f.client(tenant, role);
      expect(errorCode(await c.gql(SET, { input: { date: '2026-05-06', workday: false } }))).toBe('FORBIDDEN');
      expect(errorCode(await c.gql(REMOVE, { date: '2026-05-06', version: 1 }))).toBe('FORBIDDEN');
      expect(errorCode(await c.gql(CONFIRM, { year: 2028 }))).toBe('FORBIDDEN');
      // Everyone may read the calendar they are measured by.
      expect((await c.ok(YEAR, { year: 2026 })).calendarYear.covered).toBe(true);
    }
    await office.ok(SET, { input: { date: '2026-05-06', workday: false } });
    const otherTenant = await f.tenant();
    const stranger = await f.client(otherTenant, 'OFFICE_ADMIN');
    // The other tenant's office cannot see or remove this tenant's correction: it is not theirs.
    expect(errorCode(await stranger.gql(REMOVE, { date: '2026-05-06', version: 1 }))).toBe('NOT_FOUND');
    expect(dayOf(await stranger.ok(YEAR, { year: 2026 }), '2026-05-06')).toMatchObject({
      isWorkingDay: true,
      source: 'WEEKDAY_RULE',
    });
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM calendar_correction WHERE tenant_id = $1 AND date = '2026-05-06'`,
      [tenant.id],
    );
    expect(rows[0].n).toBe(1);
  });
});
