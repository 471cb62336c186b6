import { isDomainError } from '../errors.js';
import {
  addDays,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  weekdayOf,
  yearOfDayNumber,
} from './iso-date.js';
import {
  endOfDayShanghai,
  isBeforeDayShanghai,
  isPastEndOfDay,
  shanghaiDate,
  startOfDayShanghai,
} from './shanghai-time.js';

describe('ISO date strings', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-6-30')).toBe(false);
    expect(isIsoDate('2026-06-30T00:00')).toBe(false);
  });

  it('throws a coded error for malformed input', () => {
    expect(() => toDayNumber('2026/06/30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    try {
      addDays('bad', 1);
    } catch (error) {
      expect(isDomainError(error, 'INVALID_DATE')).toBe(true);
    }
  });

  it('does day arithmetic across month, leap-day and year boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2025-12-31', '2026-12-31')).toBe(365);
    expect(daysBetween('2026-12-31', '2025-12-31')).toBe(-365);
    expect(fromDayNumber(toDayNumber('1969-12-31'))).toBe('1969-12-31');
    expect(yearOfDayNumber(toDayNumber('2026-01-01') - 1)).toBe(2025);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('knows weekdays, Monday = 1, including before 1970', () => {
    expect(weekdayOf('2026-10-01')).toBe(4);
    expect(weekdayOf('2026-10-04')).toBe(7);
    expect(weekdayOf('2026-10-05')).toBe(1);
    expect(weekdayOf('1969-12-29')).toBe(1);
  });
});

describe('Asia/Shanghai days', () => {
  it('maps instants to the Shanghai calendar day (UTC+8)', () => {
    expect(shanghaiDate(new Date('2026-06-30T15:59:59.999Z'))).toBe('2026-06-30');
    expect(shanghaiDate(new Date('2026-06-30T16:00:00.000Z'))).toBe('2026-07-01');
    expect(shanghaiDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });

  it('gives the end of a due day in Shanghai', () => {
    expect(endOfDayShanghai('2026-06-30').toISOString()).toBe('2026-06-30T15:59:59.999Z');
    expect(startOfDayShanghai('2026-06-30').toISOString()).toBe('2026-06-29T16:00:00.000Z');
  });

  it('returns fresh Date objects so callers cannot corrupt the cache', () => {
    const first = startOfDayShanghai('2026-05-01');
    first.setTime(0);
    expect(startOfDayShanghai('2026-05-01').toISOString()).toBe('2026-04-30T16:00:00.000Z');
  });

  it('isPastEndOfDay and isBeforeDayShanghai agree with the end/start instants', () => {
    const end = endOfDayShanghai('2026-06-30');
    expect(isPastEndOfDay(end, '2026-06-30')).toBe(false);
    expect(isPastEndOfDay(new Date(end.getTime() + 1), '2026-06-30')).toBe(true);
    expect(isBeforeDayShanghai(end, '2026-07-01')).toBe(true);
    expect(isBeforeDayShanghai(new Date(end.getTime() + 1), '2026-07-01')).toBe(false);
  });

  it('rejects invalid instants', () => {
    expect(() => shanghaiDate(new Date('nope'))).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
