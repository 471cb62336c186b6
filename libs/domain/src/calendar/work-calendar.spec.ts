import { isDomainError } from '../errors.js';
import { addDays, weekdayOf } from './iso-date.js';
import { NOTICE_YEARS } from './holiday-notice.js';
import { createWorkCalendar } from './work-calendar.js';

const calendar = createWorkCalendar();

function expectDomainError(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (error) {
    expect(isDomainError(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
    return;
  }
  throw new Error(`expected DomainError ${code}`);
}

describe('default calendar from the State Council notice (chinese-days)', () => {
  it('2026 National Day: Oct 1–7 off, make-up workdays Sun Sep 20 and Sat Oct 10', () => {
    for (let day = 1; day <= 7; day++) {
      expect(calendar.isWorkingDay(`2026-10-0${day}`)).toBe(false);
    }
    expect(weekdayOf('2026-09-20')).toBe(7);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(weekdayOf('2026-10-10')).toBe(6);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false);
    // Mid-Autumn 2026 is its own Friday holiday.
    expect(calendar.isWorkingDay('2026-09-25')).toBe(false);
  });

  it('2025 National Day + Mid-Autumn: Oct 1–8 off, Sun Sep 28 and Sat Oct 11 worked', () => {
    for (let day = 1; day <= 8; day++) expect(calendar.isWorkingDay(`2025-10-0${day}`)).toBe(false);
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-09')).toBe(true);
  });

  it('2026 Spring Festival: Feb 15–23 off, Sat Feb 14 and Sat Feb 28 worked', () => {
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
  });

  it('describes where a day comes from', () => {
    expect(calendar.describeDay('2026-10-10')).toEqual({
      date: '2026-10-10',
      workday: true,
      source: 'HOLIDAY_NOTICE',
      note: '国庆节',
    });
    expect(calendar.describeDay('2026-10-02')).toMatchObject({
      workday: false,
      source: 'HOLIDAY_NOTICE',
      note: '国庆节',
    });
    expect(calendar.describeDay('2026-10-17')).toEqual({ date: '2026-10-17', workday: false, source: 'WEEKDAY_RULE' });
  });

  it('covers 2004–2026 and nothing else by default', () => {
    expect(NOTICE_YEARS[0]).toBe(2004);
    expect(NOTICE_YEARS.at(-1)).toBeGreaterThanOrEqual(2026);
    expect(calendar.isYearCovered(2018)).toBe(true);
    expect(calendar.isYearCovered(2026)).toBe(true);
    expect(calendar.isYearCovered(2003)).toBe(false);
    expect(calendar.coveredYears()).toEqual(NOTICE_YEARS);
  });
});

describe('years the notice data does not cover', () => {
  // 2099 stands for any year the package has not shipped yet.
  it('falls back to Monday–Friday and reports the year as not covered', () => {
    expect(calendar.isYearCovered(2099)).toBe(false);
    expect(weekdayOf('2099-01-01')).toBe(4);
    expect(calendar.isWorkingDay('2099-01-01')).toBe(true);
    expect(calendar.isWorkingDay('2099-01-03')).toBe(false);
    expect(calendar.describeDay('2099-10-01').source).toBe('WEEKDAY_RULE');
  });

  it('a year entered by hand counts as covered', () => {
    const tenant = createWorkCalendar({ manuallyCoveredYears: [2099] });
    expect(tenant.isYearCovered(2099)).toBe(true);
    expect(tenant.coveredYears().at(-1)).toBe(2099);
    expect(calendar.isYearCovered(2099)).toBe(false);
  });

  it('rejects years outside the supported range instead of looping forever', () => {
    expectDomainError(() => calendar.isWorkingDay('1850-01-01'), 'INVALID_DATE');
  });
});

describe('tenant corrections', () => {
  const tenant = createWorkCalendar({
    corrections: [
      { date: '2026-10-10', workday: false, note: '本地不调休' },
      { date: '2026-10-05', workday: true },
      { date: '2099-10-01', workday: false, note: '国庆节' },
    ],
  });

  it('override the notice in both directions', () => {
    expect(tenant.isWorkingDay('2026-10-10')).toBe(false);
    expect(tenant.isWorkingDay('2026-10-05')).toBe(true);
    expect(tenant.describeDay('2026-10-10')).toEqual({
      date: '2026-10-10',
      workday: false,
      source: 'TENANT_CORRECTION',
      note: '本地不调休',
    });
  });

  it('override the weekday fallback without making the year covered', () => {
    expect(tenant.isWorkingDay('2099-10-01')).toBe(false);
    expect(tenant.isYearCovered(2099)).toBe(false);
  });

  it('feed working-day arithmetic', () => {
    // Sep 30 → next working days: default Oct 8, 9, 10(Sat); tenant Oct 5, 8, 9, then Oct 12.
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(tenant.addWorkingDays('2026-09-30', 1)).toBe('2026-10-05');
    expect(tenant.addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
    expect(tenant.workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4);
  });

  it('do not leak into other calendars', () => {
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
  });

  it('must be real, unique dates', () => {
    expectDomainError(
      () => createWorkCalendar({ corrections: [{ date: '2026-02-30', workday: true }] }),
      'INVALID_DATE',
    );
    expectDomainError(
      () =>
        createWorkCalendar({
          corrections: [
            { date: '2026-05-09', workday: true },
            { date: '2026-05-09', workday: false },
          ],
        }),
      'DUPLICATE_CALENDAR_CORRECTION',
    );
  });
});

describe('working-day arithmetic', () => {
  it('addWorkingDays jumps the National Day week and uses the 调休 Saturday', () => {
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-09-30', 2)).toBe('2026-10-09');
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(calendar.addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
  });

  it('addWorkingDays with negative n counts back', () => {
    expect(calendar.addWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
    expect(calendar.addWorkingDays('2026-10-12', -1)).toBe('2026-10-10');
    expect(calendar.addWorkingDays('2026-10-05', -2)).toBe('2026-09-29');
  });

  it('addWorkingDays with 0 keeps a working day and moves a day off forward', () => {
    expect(calendar.addWorkingDays('2026-09-30', 0)).toBe('2026-09-30');
    expect(calendar.addWorkingDays('2026-10-03', 0)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-10-10', 0)).toBe('2026-10-10');
  });

  it('addWorkingDays refuses fractional counts', () => {
    expectDomainError(() => calendar.addWorkingDays('2026-10-08', 1.5), 'INVALID_ARGUMENT');
  });

  it('next / previous / on-or-after', () => {
    expect(calendar.nextWorkingDay('2026-09-30')).toBe('2026-10-08');
    expect(calendar.nextWorkingDay('2026-10-09')).toBe('2026-10-10');
    expect(calendar.previousWorkingDay('2026-10-08')).toBe('2026-09-30');
    expect(calendar.workingDayOnOrAfter('2026-10-01')).toBe('2026-10-08');
    expect(calendar.workingDayOnOrAfter('2026-10-08')).toBe('2026-10-08');
  });

  it('workingDaysBetween excludes the start, includes the end, and is antisymmetric', () => {
    expect(calendar.workingDaysBetween('2026-09-30', '2026-09-30')).toBe(0);
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-07')).toBe(0);
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-08')).toBe(1);
    expect(calendar.workingDaysBetween('2026-09-29', '2026-10-12')).toBe(5);
    expect(calendar.workingDaysBetween('2026-10-12', '2026-09-29')).toBe(-5);
  });

  it('workingDaysBetween crosses a year boundary (元旦 2026 and the Jan 4 make-up Sunday)', () => {
    // Jan 1–3 off, Sun Jan 4 worked, Mon Jan 5.
    expect(calendar.workingDaysBetween('2025-12-31', '2026-01-05')).toBe(2);
    expect(calendar.workingDaysBetween('2025-12-30', '2026-01-05')).toBe(3);
  });

  it('inverts addWorkingDays', () => {
    for (const [from, n] of [
      ['2026-09-18', 7],
      ['2026-02-10', 12],
      ['2025-12-20', 30],
      ['2026-10-20', -15],
    ] as const) {
      const to = calendar.addWorkingDays(from, n);
      expect(calendar.workingDaysBetween(from, to)).toBe(n);
    }
  });

  it('counts with year tables agree with a day-by-day count over several years', () => {
    const tenant = createWorkCalendar({ corrections: [{ date: '2025-06-03', workday: false }] });
    const pairs: Array<[string, string]> = [
      ['2023-12-15', '2026-03-01'],
      ['2024-02-28', '2024-03-01'],
      ['2025-06-02', '2025-06-03'],
      ['2026-12-31', '2027-01-04'],
    ];
    for (const [a, b] of pairs) {
      let naive = 0;
      for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (tenant.isWorkingDay(d)) naive++;
      expect(tenant.workingDaysBetween(a, b)).toBe(naive);
    }
  });

  it('2026 has 248 working days by the notice', () => {
    // 365 days − 104 weekend days − 19 weekday holidays + 6 make-up weekend days.
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });
});
