import type { IsoDate } from './calendar/iso-date.js';
import { isTaskCompleted, type TaskStatus } from './task-status.js';

/**
 * What the public page (政务公开) says about a task or a key point. Only four states, in the words of
 * a 重点工作落实情况 table: the office's internal lights, returns and pending reviews stay internal.
 */
export type PublicState = 'DONE' | 'IN_PROGRESS' | 'OVERDUE' | 'DELAYED';

export const PUBLIC_STATE_LABELS: Readonly<Record<PublicState, string>> = Object.freeze({
  DONE: '已完成',
  IN_PROGRESS: '推进中',
  OVERDUE: '已逾期',
  DELAYED: '已延期',
});

export interface PublicTaskInput {
  status: TaskStatus;
  dueDate: IsoDate;
  /** An approved delay request (延期) set the current due date. */
  delayApproved: boolean;
  /** Shanghai day the office accepted the completion, for a done task. */
  completedOn: IsoDate | null;
}

export interface PublicTaskState {
  state: PublicState;
  /** The date the public reads as the time limit: the approved date for a delayed task. */
  dueDate: IsoDate;
  /** Only for a delay: the date it was moved to. */
  delayedTo: IsoDate | null;
  completedOn: IsoDate | null;
}

/**
 * A task is done for the public once the office accepted it (a unit's own claim under review is still
 * 推进中). Overdue wins over delayed: a task past even its approved date is 已逾期.
 */
export function publicTaskState(task: PublicTaskInput, today: IsoDate): PublicTaskState {
  const delayedTo = task.delayApproved ? task.dueDate : null;
  if (isTaskCompleted(task.status))
    return { state: 'DONE', dueDate: task.dueDate, delayedTo, completedOn: task.completedOn };
  const state: PublicState = task.dueDate < today ? 'OVERDUE' : delayedTo ? 'DELAYED' : 'IN_PROGRESS';
  return { state, dueDate: task.dueDate, delayedTo, completedOn: null };
}

/**
 * A key point's state across its units: done when every unit is done (completed on the last one's day),
 * overdue when any unit is, delayed when any unit's time limit was moved (to the latest approved date).
 */
export function publicKeyPointState(units: readonly PublicTaskState[]): Omit<PublicTaskState, 'dueDate'> {
  if (units.length === 0) return { state: 'IN_PROGRESS', delayedTo: null, completedOn: null };
  const latest = (dates: (IsoDate | null)[]) =>
    dates.reduce<IsoDate | null>((max, d) => (d && (!max || d > max) ? d : max), null);
  const delayedTo = latest(units.map((u) => u.delayedTo));
  if (units.every((u) => u.state === 'DONE'))
    return { state: 'DONE', delayedTo, completedOn: latest(units.map((u) => u.completedOn)) };
  if (units.some((u) => u.state === 'OVERDUE')) return { state: 'OVERDUE', delayedTo, completedOn: null };
  return { state: delayedTo ? 'DELAYED' : 'IN_PROGRESS', delayedTo, completedOn: null };
}
