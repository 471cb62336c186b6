import type { NestExpressApplication } from '@nestjs/platform-express';
import { createSecondApp, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { Factory, type Client, type TestTenant } from '../../../../test/factory.js';
import { CalendarService } from '../calendar.service.js';

const SET = `mutation($input: SetCalendarDayInput!) { setCalendarDay(input: $input) { correctionVersion } }`;
const REMOVE = `mutation($date: String!, $version: Int!) { removeCalendarCorrection(date: $date, version: $version) { date } }`;
const CONFIRM = `mutation($year: Int!) { confirmCalendarYear(year: $year) { year } }`;

// Each process caches a tenant's calendar; it used to keep an edited one for up to 60 s elsewhere.
describe('a calendar edit in one API process is seen by another at once', () => {
  let t: TestApp;
  let other: NestExpressApplication;
  let tenant: TestTenant;
  let office: Client;
  const SATURDAY = '2026-11-14';
  const otherCalendar = () => other.get(CalendarService).forTenant(tenant.id);

  beforeAll(async () => {
    t = await createTestApp();
    other = await createSecondApp(t);
    const f = new Factory(t);
    tenant = await f.tenant();
    office = await f.client(tenant, 'OFFICE_ADMIN');
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  it('sees a corrected day, its removal and a confirmed year without waiting', async () => {
    const before = await otherCalendar();
    expect(before.isWorkingDay(SATURDAY)).toBe(false);
    expect(await otherCalendar()).toBe(before); // cached while nothing changed

    const { setCalendarDay } = await office.ok(SET, { input: { date: SATURDAY, workday: true, note: '调休上班' } });
    expect((await otherCalendar()).isWorkingDay(SATURDAY)).toBe(true);

    await office.ok(REMOVE, { date: SATURDAY, version: setCalendarDay.correctionVersion });
    expect((await otherCalendar()).isWorkingDay(SATURDAY)).toBe(false);

    const cached = await otherCalendar();
    await office.ok(CONFIRM, { year: 2027 });
    expect(await otherCalendar()).not.toBe(cached);
    expect(await otherCalendar()).toBe(await otherCalendar());
  });
});
