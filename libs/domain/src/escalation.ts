import { assertIsoDate, type IsoDate } from './calendar/iso-date.js';
import { shanghaiDate } from './calendar/shanghai-time.js';
import type { WorkCalendar } from './calendar/work-calendar.js';
import { DomainError } from './errors.js';
import type { TaskStatus } from './task-status.js';

/** 提醒 before the due date, 催办 after it is missed, 督办 when urging did not help. */
export type EscalationStep = 'REMIND' | 'URGE' | 'SUPERVISE';

export interface EscalationSettings {
  /** Remind when the due date is at most this many working days away. */
  remindBeforeWorkingDays: number;
  /** Urge once this many working days have passed since the due date. */
  urgeAfterWorkingDays: number;
  /** Supervise once this many working days have passed since the urge, the task still open. */
  superviseAfterWorkingDays: number;
}

export const DEFAULT_ESCALATION_SETTINGS: Readonly<EscalationSettings> = Object.freeze({
  remindBeforeWorkingDays: 3,
  urgeAfterWorkingDays: 1,
  superviseAfterWorkingDays: 5,
});

export function resolveEscalationSettings(settings: Partial<EscalationSettings> = {}): EscalationSettings {
  const resolved = { ...DEFAULT_ESCALATION_SETTINGS, ...settings };
  const problems = (Object.keys(DEFAULT_ESCALATION_SETTINGS) as Array<keyof EscalationSettings>)
    .filter((key) => !Number.isInteger(resolved[key]) || resolved[key] < 0)
    .map((key) => `${key} must be a non-negative integer`);
  if (resolved.urgeAfterWorkingDays < 1) problems.push('urgeAfterWorkingDays must be at least 1');
  if (problems.length > 0) throw new DomainError('INVALID_SETTINGS', problems.join('; '), { problems });
  return resolved;
}

export interface EscalationStepTaken {
  step: EscalationStep;
  takenAt: Date;
}

/** Statuses where the unit owes nothing: finished, or a completion claim waits for the office. */
const NOTHING_OWED: ReadonlySet<TaskStatus> = new Set(['SUBMITTED', 'DONE', 'CLOSED']);

/**
 * The step due now that has not been taken yet, or null. Running it again after the step was
 * recorded returns null (or the next rung), so a scheduler may call it as often as it likes.
 * `stepsAlreadyTaken` should hold the steps taken since the current due date was set: after an
 * approved delay the ladder starts afresh.
 * A missed due date skips REMIND (too late to remind); SUPERVISE only follows a recorded URGE.
 */
export function escalationStep(input: {
  dueDate: IsoDate;
  status: TaskStatus;
  now: Date;
  calendar: WorkCalendar;
  settings?: Partial<EscalationSettings>;
  stepsAlreadyTaken: readonly EscalationStepTaken[];
}): EscalationStep | null {
  assertIsoDate(input.dueDate, 'dueDate');
  const settings = resolveEscalationSettings(input.settings);
  if (NOTHING_OWED.has(input.status)) return null;
  const taken = (step: EscalationStep) => input.stepsAlreadyTaken.find((t) => t.step === step);
  const today = shanghaiDate(input.now);
  const { calendar } = input;

  if (today > input.dueDate) {
    if (calendar.workingDaysBetween(input.dueDate, today) < settings.urgeAfterWorkingDays) return null;
    const urge = taken('URGE');
    if (!urge) return 'URGE';
    if (taken('SUPERVISE')) return null;
    const sinceUrge = calendar.workingDaysBetween(shanghaiDate(urge.takenAt), today);
    return sinceUrge >= settings.superviseAfterWorkingDays ? 'SUPERVISE' : null;
  }

  const workingDaysLeft = calendar.workingDaysBetween(today, input.dueDate);
  return workingDaysLeft <= settings.remindBeforeWorkingDays && !taken('REMIND') ? 'REMIND' : null;
}
