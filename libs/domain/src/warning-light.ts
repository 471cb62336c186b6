import { addDays, assertIsoDate, type IsoDate } from './calendar/iso-date.js';
import { isBeforeDayShanghai, shanghaiDate } from './calendar/shanghai-time.js';
import type { WorkCalendar } from './calendar/work-calendar.js';
import { DomainError } from './errors.js';
import { isReportMissing, type ReportCycle } from './report-cycle.js';
import { isTaskCompleted, type TaskStatus } from './task-status.js';

/** DONE / DONE_LATE keep a finished task's punctuality visible after the fact (红黄绿灯 + 完成情况). */
export type WarningLight = 'GREEN' | 'YELLOW' | 'RED' | 'DONE' | 'DONE_LATE';

export type WarningReason =
  'OVERDUE' | 'DUE_SOON' | 'BEHIND_PACE' | 'REPORT_MISSING' | 'AWAITING_ACCEPTANCE' | 'COMPLETED_LATE';

export interface WarningLightSettings {
  /** Yellow when the due date is at most this many working days away. */
  yellowWithinWorkingDays: number;
  /** Yellow when progress trails the elapsed share of working time by more than this many points. */
  paceMarginPercent: number;
}

export const DEFAULT_WARNING_LIGHT_SETTINGS: Readonly<WarningLightSettings> = Object.freeze({
  yellowWithinWorkingDays: 10,
  paceMarginPercent: 20,
});

export function resolveWarningLightSettings(settings: Partial<WarningLightSettings> = {}): WarningLightSettings {
  const resolved = { ...DEFAULT_WARNING_LIGHT_SETTINGS, ...settings };
  const problems: string[] = [];
  if (!Number.isInteger(resolved.yellowWithinWorkingDays) || resolved.yellowWithinWorkingDays < 0) {
    problems.push('yellowWithinWorkingDays must be a non-negative integer');
  }
  if (
    !Number.isFinite(resolved.paceMarginPercent) ||
    resolved.paceMarginPercent < 0 ||
    resolved.paceMarginPercent > 100
  ) {
    problems.push('paceMarginPercent must be between 0 and 100');
  }
  if (problems.length > 0) throw new DomainError('INVALID_SETTINGS', problems.join('; '), { problems });
  return resolved;
}

/** Whether an instant is within the whole of `date` or earlier, Shanghai time. */
function isByEndOfDay(instant: Date, date: IsoDate): boolean {
  return isBeforeDayShanghai(instant, addDays(date, 1));
}

/**
 * On time when completed by the end of the due day that counts: the current due date if a delay
 * was approved, otherwise the original one (a due date changed without an approved delay does not
 * excuse lateness).
 */
export function completedOnTime(
  completedAt: Date,
  dueDate: IsoDate,
  originalDueDate: IsoDate | null | undefined,
  delayApproved: boolean,
): boolean {
  const countingDueDate = delayApproved || !originalDueDate ? dueDate : originalDueDate;
  return isByEndOfDay(completedAt, countingDueDate);
}

/**
 * Past the end of the due day and not finished. A completion claim made in time is not overdue
 * while the office takes its time to accept it.
 */
export function isOverdue(input: {
  status: TaskStatus;
  dueDate: IsoDate;
  now: Date;
  submittedAt?: Date | null;
}): boolean {
  assertIsoDate(input.dueDate, 'dueDate');
  if (isTaskCompleted(input.status)) return false;
  if (input.status === 'SUBMITTED' && input.submittedAt && isByEndOfDay(input.submittedAt, input.dueDate)) return false;
  return shanghaiDate(input.now) > input.dueDate;
}

export interface WarningLightInput {
  status: TaskStatus;
  dueDate: IsoDate;
  assignedDate: IsoDate;
  /** 0–100, the unit's latest stated progress. */
  progress: number;
  lastReportAt?: Date | null;
  /** Without a cycle no report is expected, so REPORT_MISSING never shows. */
  reportCycle?: ReportCycle | null;
  /** When the pending completion claim was made (status SUBMITTED). */
  submittedAt?: Date | null;
  /** Required for DONE / CLOSED. */
  completedAt?: Date | null;
  originalDueDate?: IsoDate | null;
  delayApproved?: boolean;
  now: Date;
  calendar: WorkCalendar;
  settings?: Partial<WarningLightSettings>;
}

export interface WarningLightResult {
  light: WarningLight;
  reasons: WarningReason[];
  /** Working days after today up to and including the due date; null once done or overdue. */
  workingDaysLeft: number | null;
  /** Share of working time elapsed since assignment, 0–100; null when not applicable. */
  expectedProgress: number | null;
}

function finishedLight(input: WarningLightInput): WarningLightResult {
  if (!input.completedAt) {
    throw new DomainError('INVALID_ARGUMENT', `a ${input.status} task needs completedAt`, { status: input.status });
  }
  const onTime = completedOnTime(input.completedAt, input.dueDate, input.originalDueDate, input.delayApproved ?? false);
  return onTime
    ? { light: 'DONE', reasons: [], workingDaysLeft: null, expectedProgress: null }
    : { light: 'DONE_LATE', reasons: ['COMPLETED_LATE'], workingDaysLeft: null, expectedProgress: null };
}

function reportMissing(input: WarningLightInput): boolean {
  return (
    !!input.reportCycle &&
    isReportMissing({
      lastReportAt: input.lastReportAt,
      now: input.now,
      cycle: input.reportCycle,
      calendar: input.calendar,
      assignedDate: input.assignedDate,
    })
  );
}

/** Expected progress = elapsed working days / total working days between assignment and due date. */
function expectedProgressPercent(input: WarningLightInput, today: IsoDate): number | null {
  const total = input.calendar.workingDaysBetween(input.assignedDate, input.dueDate);
  if (total <= 0) return null;
  const elapsed = Math.min(Math.max(input.calendar.workingDaysBetween(input.assignedDate, today), 0), total);
  return (elapsed / total) * 100;
}

export function warningLight(input: WarningLightInput): WarningLightResult {
  assertIsoDate(input.dueDate, 'dueDate');
  assertIsoDate(input.assignedDate, 'assignedDate');
  if (!Number.isFinite(input.progress) || input.progress < 0 || input.progress > 100) {
    throw new DomainError('INVALID_ARGUMENT', `progress must be 0–100, got ${input.progress}`, {
      progress: input.progress,
    });
  }
  const settings = resolveWarningLightSettings(input.settings);
  if (isTaskCompleted(input.status)) return finishedLight(input);

  const today = shanghaiDate(input.now);
  if (input.status === 'SUBMITTED') {
    // The unit has done its part; only lateness of the claim itself can still make it red.
    const overdue = isOverdue(input);
    return {
      light: overdue ? 'RED' : 'GREEN',
      reasons: overdue ? ['OVERDUE', 'AWAITING_ACCEPTANCE'] : ['AWAITING_ACCEPTANCE'],
      workingDaysLeft: null,
      expectedProgress: null,
    };
  }

  if (today > input.dueDate) {
    const reasons: WarningReason[] = ['OVERDUE'];
    if (reportMissing(input)) reasons.push('REPORT_MISSING');
    return { light: 'RED', reasons, workingDaysLeft: null, expectedProgress: null };
  }

  const reasons: WarningReason[] = [];
  const workingDaysLeft = input.calendar.workingDaysBetween(today, input.dueDate);
  if (workingDaysLeft <= settings.yellowWithinWorkingDays) reasons.push('DUE_SOON');
  const expectedProgress = expectedProgressPercent(input, today);
  if (expectedProgress !== null && expectedProgress - input.progress > settings.paceMarginPercent) {
    reasons.push('BEHIND_PACE');
  }
  if (reportMissing(input)) reasons.push('REPORT_MISSING');
  return { light: reasons.length > 0 ? 'YELLOW' : 'GREEN', reasons, workingDaysLeft, expectedProgress };
}
