import { assertIsoDate, isIsoDate, type IsoDate } from './calendar/iso-date.js';
import { DomainError } from './errors.js';

/** A time limit as the plan parser yields it; date is null for event-relative rules (`20个工作日内`). */
export interface DeadlineLike {
  text: string;
  date: IsoDate | null;
}

export interface DatedDeadline {
  text: string;
  date: IsoDate;
}

export interface KeyPointSchedule {
  dueDate: IsoDate;
  /** Whether dueDate comes from the text or from the tenant's default (年底). */
  dueDateSource: 'DEADLINE' | 'DEFAULT';
  /** Dated deadlines by date; equal dates keep the document's order. */
  milestones: DatedDeadline[];
}

/** 'MM-DD' within the plan year; 12-31 unless the tenant configures otherwise. */
export const DEFAULT_DUE_MONTH_DAY = '12-31';

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

export function validateDueMonthDay(monthDay: string): string {
  // 02-29 is refused rather than silently moved in non-leap years.
  if (!MONTH_DAY.test(monthDay) || monthDay === '02-29' || !isIsoDate(`2001-${monthDay}`)) {
    throw new DomainError('INVALID_SETTINGS', `default due date must be 'MM-DD' (not 02-29), got '${monthDay}'`, {
      monthDay,
    });
  }
  return monthDay;
}

export function defaultDueDate(planYear: number, monthDay: string = DEFAULT_DUE_MONTH_DAY): IsoDate {
  if (!Number.isInteger(planYear) || planYear < 1900 || planYear > 2200) {
    throw new DomainError('INVALID_ARGUMENT', `plan year ${planYear} is not a year`, { planYear });
  }
  validateDueMonthDay(monthDay);
  return `${planYear}-${monthDay}`;
}

/**
 * A key point is due at its latest dated deadline (`8月底前完成…9月底前报送…` → 9-30), else at the
 * tenant's default date of the plan year.
 */
export function keyPointSchedule(input: {
  planYear: number;
  deadlines: readonly DeadlineLike[];
  defaultDueMonthDay?: string;
}): KeyPointSchedule {
  const milestones = input.deadlines
    .filter((deadline): deadline is DatedDeadline => deadline.date !== null)
    .map((deadline) => {
      assertIsoDate(deadline.date, `deadline '${deadline.text}'`);
      return { text: deadline.text, date: deadline.date };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latest = milestones.at(-1);
  return latest
    ? { dueDate: latest.date, dueDateSource: 'DEADLINE', milestones }
    : {
        dueDate: defaultDueDate(input.planYear, input.defaultDueMonthDay),
        dueDateSource: 'DEFAULT',
        milestones,
      };
}
