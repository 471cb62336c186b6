import type { TaskRow } from './dto/task.model.js';

/** The task fields worth keeping in the audit log (not timestamps the row maintains itself). */
export function auditView(row: TaskRow) {
  return {
    status: row.status,
    progress: row.progress,
    dueDate: row.due_date,
    light: row.light,
    urgeCount: row.urge_count,
    completedAt: row.completed_at,
    version: row.version,
  };
}
