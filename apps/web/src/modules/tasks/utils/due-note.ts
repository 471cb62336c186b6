import type { TaskStatus } from './labels';

/**
 * The line under a due date: how late an open task is, or how late a finished one was completed
 * (a task finished late is not "overdue" any more: it was finished N working days late).
 */
export function dueNote(t: {
  status: TaskStatus;
  overdueWorkingDays: number;
}): { text: string; danger: boolean } | null {
  if (t.overdueWorkingDays <= 0) return null;
  const finished = t.status === 'DONE' || t.status === 'CLOSED';
  return finished
    ? { text: `逾期 ${t.overdueWorkingDays} 个工作日完成`, danger: false }
    : { text: `已逾期 ${t.overdueWorkingDays} 个工作日`, danger: true };
}
