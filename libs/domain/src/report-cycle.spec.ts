import { createWorkCalendar } from './calendar/work-calendar.js';
import {
  currentPeriod,
  DEFAULT_REPORT_CYCLE,
  isReportMissing,
  latestDuePeriod,
  periodContaining,
  reportPeriodsBetween,
  validateReportCycle,
  type ReportCycle,
} from './report-cycle.js';

const calendar = createWorkCalendar();
/** An instant given as Shanghai wall-clock time. */
const at = (local: string) => new Date(`${local}+08:00`);
const monthly: ReportCycle = DEFAULT_REPORT_CYCLE;

describe('report periods', () => {
  it('defaults to monthly by the 25th', () => {
    expect(DEFAULT_REPORT_CYCLE).toEqual({ kind: 'MONTHLY', deadlineDay: 25 });
    expect(currentPeriod(at('2026-06-10T09:00:00'), monthly, calendar)).toEqual({
      periodStart: '2026-06-01',
      periodEnd: '2026-06-30',
      deadline: '2026-06-25',
    });
  });

  it('uses the Shanghai day, not the UTC day', () => {
    // 2026-06-30T16:30Z is already July 1 in Shanghai.
    expect(currentPeriod(new Date('2026-06-30T16:30:00Z'), monthly, calendar).periodStart).toBe('2026-07-01');
  });

  it('moves a deadline on a day off to the next working day', () => {
    // Sunday 2026-10-25 → Monday 10-26.
    expect(currentPeriod(at('2026-10-01T09:00:00'), monthly, calendar).deadline).toBe('2026-10-26');
  });

  it('keeps a deadline on a 调休 weekend working day', () => {
    // Day 31 in February means Feb 28, a Saturday worked in 2026.
    expect(periodContaining('2026-02-10', { kind: 'MONTHLY', deadlineDay: 31 }, calendar).deadline).toBe('2026-02-28');
    // Quarter deadline Sunday Sep 20, 2026 is a make-up workday.
    expect(periodContaining('2026-08-15', { kind: 'QUARTERLY', deadlineDay: 20 }, calendar)).toEqual({
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      deadline: '2026-09-20',
    });
  });

  it('clamps the deadline day to short months', () => {
    expect(periodContaining('2026-04-02', { kind: 'MONTHLY', deadlineDay: 31 }, calendar).deadline).toBe('2026-04-30');
  });

  it('weekly periods run Monday–Sunday; a Friday in the National Day week moves to Oct 8', () => {
    const weekly: ReportCycle = { kind: 'WEEKLY', deadlineWeekday: 5 };
    expect(periodContaining('2026-10-03', weekly, calendar)).toEqual({
      periodStart: '2026-09-28',
      periodEnd: '2026-10-04',
      deadline: '2026-10-08',
    });
    expect(periodContaining('2026-10-11', weekly, calendar)).toEqual({
      periodStart: '2026-10-05',
      periodEnd: '2026-10-11',
      deadline: '2026-10-09',
    });
  });

  it('latestDuePeriod skips a period whose moved deadline is still open', () => {
    // May 31, 2026 is a Sunday: May's month-end deadline moves to Monday June 1.
    const monthEnd: ReportCycle = { kind: 'MONTHLY', deadlineDay: 31 };
    expect(periodContaining('2026-05-10', monthEnd, calendar).deadline).toBe('2026-06-01');
    expect(latestDuePeriod(at('2026-06-01T18:00:00'), monthEnd, calendar).periodStart).toBe('2026-04-01');
    expect(latestDuePeriod(at('2026-06-02T08:00:00'), monthEnd, calendar).periodStart).toBe('2026-05-01');
  });

  it('validates cycles', () => {
    expect(() => validateReportCycle({ kind: 'MONTHLY', deadlineDay: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_SETTINGS' }),
    );
    expect(() => validateReportCycle({ kind: 'WEEKLY', deadlineWeekday: 8 as 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_SETTINGS' }),
    );
    expect(() => validateReportCycle({ kind: 'DAILY' } as unknown as ReportCycle)).toThrow(
      expect.objectContaining({ code: 'INVALID_SETTINGS' }),
    );
  });
});

describe('periods between two days', () => {
  it('lists every period touching the range, oldest first, with working-day deadlines', () => {
    const periods = reportPeriodsBetween('2026-09-15', '2026-11-02', monthly, calendar);
    expect(periods.map((p) => [p.periodStart, p.deadline])).toEqual([
      ['2026-09-01', '2026-09-28'], // the 25th is 中秋节 (Friday): next working day Monday
      ['2026-10-01', '2026-10-26'],
      ['2026-11-01', '2026-11-25'],
    ]);
    expect(
      reportPeriodsBetween('2026-01-01', '2026-12-31', { kind: 'QUARTERLY', deadlineDay: 20 }, calendar),
    ).toHaveLength(4);
    expect(reportPeriodsBetween('2026-06-10', '2026-06-10', monthly, calendar)).toHaveLength(1);
  });
});

describe('missing reports', () => {
  const base = { cycle: monthly, calendar };

  it('is not missing before the deadline day is over, even with no report this month', () => {
    // October's deadline is Monday Oct 26 (the 25th is a Sunday); September's report came Sep 30.
    expect(isReportMissing({ ...base, lastReportAt: at('2026-09-30T10:00:00'), now: at('2026-10-26T23:00:00') })).toBe(
      false,
    );
  });

  it('is missing once the deadline day has passed with no report since the period began', () => {
    expect(isReportMissing({ ...base, lastReportAt: at('2026-09-30T10:00:00'), now: at('2026-10-27T00:00:00') })).toBe(
      true,
    );
    expect(isReportMissing({ ...base, lastReportAt: at('2026-10-10T10:00:00'), now: at('2026-10-27T00:00:00') })).toBe(
      false,
    );
    expect(isReportMissing({ ...base, lastReportAt: null, now: at('2026-10-27T00:00:00') })).toBe(true);
  });

  it('judges the report by its Shanghai day', () => {
    const now = at('2026-10-27T09:00:00');
    expect(isReportMissing({ ...base, lastReportAt: new Date('2026-09-30T15:59:00Z'), now })).toBe(true);
    expect(isReportMissing({ ...base, lastReportAt: new Date('2026-09-30T16:01:00Z'), now })).toBe(false);
  });

  it('stays missing into the next period until the unit reports, then clears', () => {
    // September's deadline (Fri Sep 25) was missed; on Oct 5 that is still the latest due period.
    const now = at('2026-10-05T09:00:00');
    expect(isReportMissing({ ...base, lastReportAt: at('2026-08-20T10:00:00'), now })).toBe(true);
    expect(isReportMissing({ ...base, lastReportAt: at('2026-10-03T10:00:00'), now })).toBe(false);
  });

  it('expects nothing for a deadline that came before or on the assignment day', () => {
    const now = at('2026-10-27T09:00:00');
    expect(isReportMissing({ ...base, lastReportAt: null, now, assignedDate: '2026-10-26' })).toBe(false);
    expect(isReportMissing({ ...base, lastReportAt: null, now, assignedDate: '2026-10-20' })).toBe(true);
  });
});
