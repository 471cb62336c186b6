import { addDays, assertIsoDate, maxDate, type IsoDate } from './calendar/iso-date.js';

/** The furthest one request may move a due date: beyond a year it is a new plan, not a delay. */
export const MAX_DELAY_DAYS = 366;

export interface DelayDateRange {
  /** The day after the current due date, or today once that has passed (an overdue task asks from today). */
  earliest: IsoDate;
  /** A year after the later of the current due date and today. */
  latest: IsoDate;
}

export type DelayDateProblem = 'NOT_AFTER_DUE' | 'IN_PAST' | 'TOO_FAR';

/** The dates a unit may ask for in a 延期申请 today. */
export function delayDateRange(currentDueDate: IsoDate, today: IsoDate): DelayDateRange {
  assertIsoDate(currentDueDate, 'currentDueDate');
  assertIsoDate(today, 'today');
  return {
    earliest: maxDate(addDays(currentDueDate, 1), today),
    latest: addDays(maxDate(currentDueDate, today), MAX_DELAY_DAYS),
  };
}

/** Why a requested date cannot be asked for (null: it can). A date in the past is no new time limit. */
export function delayDateProblem(requested: IsoDate, currentDueDate: IsoDate, today: IsoDate): DelayDateProblem | null {
  assertIsoDate(requested, 'requested');
  const range = delayDateRange(currentDueDate, today);
  if (requested <= currentDueDate) return 'NOT_AFTER_DUE';
  if (requested < today) return 'IN_PAST';
  if (requested > range.latest) return 'TOO_FAR';
  return null;
}
