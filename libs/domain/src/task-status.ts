import { DomainError } from './errors.js';

/** In workflow order: the ledger sorts by it and filters list it so. */
export const TASK_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'DONE', 'CLOSED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * REPORT_PROGRESS: the unit reports progress. CLAIM_COMPLETION: the unit says it is done.
 * ACCEPT / RETURN: the office's decision on a completion claim. CLOSE: 办结销号.
 * REOPEN: a done or closed task turns out not to be done.
 */
export type TaskEvent =
  | { type: 'REPORT_PROGRESS' }
  | { type: 'CLAIM_COMPLETION' }
  | { type: 'ACCEPT' }
  | { type: 'RETURN'; reason: string }
  | { type: 'CLOSE' }
  | { type: 'REOPEN'; reason: string };

export type TaskEventType = TaskEvent['type'];

const TRANSITIONS: Readonly<Record<TaskStatus, Partial<Record<TaskEventType, TaskStatus>>>> = {
  NOT_STARTED: { REPORT_PROGRESS: 'IN_PROGRESS', CLAIM_COMPLETION: 'SUBMITTED' },
  IN_PROGRESS: { REPORT_PROGRESS: 'IN_PROGRESS', CLAIM_COMPLETION: 'SUBMITTED' },
  // While the office decides, the unit waits: a new progress report would muddle what is being judged.
  SUBMITTED: { ACCEPT: 'DONE', RETURN: 'RETURNED' },
  RETURNED: { REPORT_PROGRESS: 'IN_PROGRESS', CLAIM_COMPLETION: 'SUBMITTED' },
  DONE: { CLOSE: 'CLOSED', REOPEN: 'IN_PROGRESS' },
  CLOSED: { REOPEN: 'IN_PROGRESS' },
};

/** Events the UI may offer in a status (button list). */
export function allowedTaskEvents(status: TaskStatus): TaskEventType[] {
  return Object.keys(TRANSITIONS[status]) as TaskEventType[];
}

export function canApplyTaskEvent(status: TaskStatus, type: TaskEventType): boolean {
  return TRANSITIONS[status][type] !== undefined;
}

/** The office has accepted the work (on time or not). */
export function isTaskCompleted(status: TaskStatus): boolean {
  return status === 'DONE' || status === 'CLOSED';
}

export function requireReason(reason: string | undefined, action: string): void {
  if (!reason || reason.trim() === '') {
    throw new DomainError('REASON_REQUIRED', `${action} needs a reason`, { action });
  }
}

export function nextStatus(current: TaskStatus, event: TaskEvent): TaskStatus {
  const next = TRANSITIONS[current]?.[event.type];
  if (next === undefined) {
    throw new DomainError('INVALID_TRANSITION', `task in ${current} cannot take ${event.type}`, {
      from: current,
      event: event.type,
    });
  }
  if (event.type === 'RETURN' || event.type === 'REOPEN') requireReason(event.reason, event.type);
  return next;
}
