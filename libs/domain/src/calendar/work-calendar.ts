import { DomainError } from '../errors.js';
import { NOTICE_YEARS, noticeDay, noticeEntriesOfYear } from './holiday-notice.js';
import {
  assertIsoDate,
  fromDayNumber,
  isoDate,
  toDayNumber,
  weekdayOfDayNumber,
  yearOfDayNumber,
  type DayNumber,
  type IsoDate,
} from './iso-date.js';

/** A tenant's hand correction of one day, overriding the default calendar. */
export interface CalendarCorrection {
  date: IsoDate;
  workday: boolean;
  note?: string;
}

export interface WorkCalendarOptions {
  corrections?: readonly CalendarCorrection[];
  /**
   * Years the office has entered by hand from the State Council's notice (e.g. before the package
   * ships them). Corrections alone do not make a year covered: a few fixed days say nothing about
   * the rest of the year.
   */
  manuallyCoveredYears?: readonly number[];
}

export type CalendarDaySource = 'TENANT_CORRECTION' | 'HOLIDAY_NOTICE' | 'WEEKDAY_RULE';

export interface CalendarDay {
  date: IsoDate;
  workday: boolean;
  source: CalendarDaySource;
  /** Holiday name from the notice (e.g. 国庆节) or the tenant's note. */
  note?: string;
}

export interface WorkCalendar {
  isWorkingDay(date: IsoDate): boolean;
  describeDay(date: IsoDate): CalendarDay;
  /**
   * n > 0: the n-th working day after `date`; n < 0: the |n|-th working day before it;
   * n = 0: `date` itself when it is a working day, else the next working day ("1个工作日内" from a
   * Saturday event lands on the following working day, as does "0").
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** First working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** Last working day strictly before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate;
  /** `date` when it is a working day, else the next one (deadlines falling on a day off move here). */
  workingDayOnOrAfter(date: IsoDate): IsoDate;
  /**
   * Working days d with a < d ≤ b (a excluded, b included); negative with the same magnitude rule
   * when b < a. So for a working day b after a: addWorkingDays(a, workingDaysBetween(a, b)) === b.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
  /** Years whose holidays come from the notice data or were entered by hand, ascending. */
  coveredYears(): number[];
  /** False means the year falls back to Monday–Friday and the UI should say so. */
  isYearCovered(year: number): boolean;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** Working flags and running counts for one year, so counting working days costs O(years). */
interface YearTable {
  firstDay: DayNumber;
  workday: Uint8Array;
  /** workingBefore[i] = working days among the year's first i days. */
  workingBefore: Int32Array;
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new DomainError('INVALID_DATE', `year ${year} is outside the supported range ${MIN_YEAR}–${MAX_YEAR}`, {
      year,
    });
  }
}

function buildYearTable(year: number, overrides: Iterable<{ date: IsoDate; workday: boolean }>): YearTable {
  const firstDay = toDayNumber(isoDate(year, 1, 1));
  const length = toDayNumber(isoDate(year + 1, 1, 1)) - firstDay;
  const workday = new Uint8Array(length);
  for (let i = 0; i < length; i++) workday[i] = weekdayOfDayNumber(firstDay + i) <= 5 ? 1 : 0;
  for (const { date, workday: isWorkday } of overrides) workday[toDayNumber(date) - firstDay] = isWorkday ? 1 : 0;
  const workingBefore = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) workingBefore[i + 1] = workingBefore[i]! + workday[i]!;
  return { firstDay, workday, workingBefore };
}

function validateCorrections(corrections: readonly CalendarCorrection[]): Map<IsoDate, CalendarCorrection> {
  const byDate = new Map<IsoDate, CalendarCorrection>();
  for (const correction of corrections) {
    assertIsoDate(correction.date, 'calendar correction date');
    if (byDate.has(correction.date)) {
      throw new DomainError('DUPLICATE_CALENDAR_CORRECTION', `two corrections for ${correction.date}`, {
        date: correction.date,
      });
    }
    byDate.set(correction.date, correction);
  }
  return byDate;
}

export function createWorkCalendar(options: WorkCalendarOptions = {}): WorkCalendar {
  const corrections = validateCorrections(options.corrections ?? []);
  const covered = new Set<number>([...NOTICE_YEARS, ...(options.manuallyCoveredYears ?? [])]);
  const correctionsByYear = new Map<number, CalendarCorrection[]>();
  for (const correction of corrections.values()) {
    const year = Number(correction.date.slice(0, 4));
    correctionsByYear.set(year, [...(correctionsByYear.get(year) ?? []), correction]);
  }

  const tables = new Map<number, YearTable>();
  let lastTable: YearTable | undefined;

  function tableOfYear(year: number): YearTable {
    let table = tables.get(year);
    if (!table) {
      assertSupportedYear(year);
      table = buildYearTable(year, [...noticeEntriesOfYear(year), ...(correctionsByYear.get(year) ?? [])]);
      tables.set(year, table);
    }
    return table;
  }

  function tableOfDay(day: DayNumber): YearTable {
    if (lastTable && day >= lastTable.firstDay && day < lastTable.firstDay + lastTable.workday.length) {
      return lastTable;
    }
    lastTable = tableOfYear(yearOfDayNumber(day));
    return lastTable;
  }

  function isWorkingDayNumber(day: DayNumber): boolean {
    const table = tableOfDay(day);
    return table.workday[day - table.firstDay] === 1;
  }

  /** Working days in [from, to], both inclusive; 0 when to < from. */
  function countWorkingDays(from: DayNumber, to: DayNumber): number {
    let count = 0;
    let day = from;
    while (day <= to) {
      const table = tableOfDay(day);
      const lastIndex = Math.min(to - table.firstDay, table.workday.length - 1);
      const firstIndex = day - table.firstDay;
      count += table.workingBefore[lastIndex + 1]! - table.workingBefore[firstIndex]!;
      day = table.firstDay + lastIndex + 1;
    }
    return count;
  }

  function stepToWorkingDay(day: DayNumber, direction: 1 | -1, count: number): DayNumber {
    let remaining = count;
    let current = day;
    while (remaining > 0) {
      current += direction;
      if (isWorkingDayNumber(current)) remaining--;
    }
    return current;
  }

  const calendar: WorkCalendar = {
    isWorkingDay: (date) => isWorkingDayNumber(toDayNumber(date)),

    describeDay(date) {
      const workday = isWorkingDayNumber(toDayNumber(date));
      const correction = corrections.get(date);
      if (correction) {
        return { date, workday, source: 'TENANT_CORRECTION', ...(correction.note ? { note: correction.note } : {}) };
      }
      const fromNotice = noticeDay(date);
      if (fromNotice) return { date, workday, source: 'HOLIDAY_NOTICE', note: fromNotice.holiday };
      return { date, workday, source: 'WEEKDAY_RULE' };
    },

    addWorkingDays(date, n) {
      if (!Number.isInteger(n)) {
        throw new DomainError('INVALID_ARGUMENT', `working days must be an integer, got ${n}`, { n });
      }
      const day = toDayNumber(date);
      if (n === 0) return isWorkingDayNumber(day) ? date : fromDayNumber(stepToWorkingDay(day, 1, 1));
      return fromDayNumber(stepToWorkingDay(day, n > 0 ? 1 : -1, Math.abs(n)));
    },

    nextWorkingDay: (date) => fromDayNumber(stepToWorkingDay(toDayNumber(date), 1, 1)),

    previousWorkingDay: (date) => fromDayNumber(stepToWorkingDay(toDayNumber(date), -1, 1)),

    workingDayOnOrAfter(date) {
      const day = toDayNumber(date);
      return isWorkingDayNumber(day) ? date : fromDayNumber(stepToWorkingDay(day, 1, 1));
    },

    workingDaysBetween(a, b) {
      const from = toDayNumber(a);
      const to = toDayNumber(b);
      return from <= to ? countWorkingDays(from + 1, to) : -countWorkingDays(to + 1, from);
    },

    coveredYears: () => [...covered].sort((x, y) => x - y),

    isYearCovered: (year) => covered.has(year),
  };
  return calendar;
}
