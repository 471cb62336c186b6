import { Typography, type TableColumnType } from 'antd';
import type { TaskRowFragment } from '../../../generated/graphql';
import { dueNote } from '../utils/due-note';
import { ROLE_LABELS } from '../utils/labels';
import { LightTag, StatusTag } from './light-tag';
import { TaskProgress } from './task-progress';

type TaskColumn = TableColumnType<TaskRowFragment>;

/** The due date, the date it had before an approved delay, and how late the task is or was finished. */
function DueCell({ task }: { task: TaskRowFragment }) {
  const note = dueNote(task);
  return (
    <>
      {task.dueDate}
      {task.originalDueDate !== task.dueDate && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          原定 {task.originalDueDate}
        </Typography.Text>
      )}
      {note && (
        <Typography.Text type={note.danger ? 'danger' : 'secondary'} style={{ display: 'block', fontSize: 12 }}>
          {note.text}
        </Typography.Text>
      )}
    </>
  );
}

/**
 * The columns every task list shares (the ledger and the home pages), so a task reads the same
 * wherever it is listed. Keys are the ledger's sort keys; a table adds sorters and its own columns.
 */
export const TASK_COLUMNS = {
  light: { title: '灯色', key: 'light', width: 96, render: (_, t) => <LightTag light={t.light} /> },
  role: { title: '角色', key: 'role', width: 64, render: (_, t) => ROLE_LABELS[t.role] },
  status: { title: '状态', key: 'status', width: 136, render: (_, t) => <StatusTag status={t.status} /> },
  progress: {
    title: '进度',
    key: 'progress',
    width: 120,
    render: (_, t) => (
      <TaskProgress percent={t.progress} status={t.status} label={`${t.unit?.name ?? ''} ${t.keyPoint?.label ?? ''}`} />
    ),
  },
  dueDate: { title: '截止日期', key: 'dueDate', width: 150, render: (_, t) => <DueCell task={t} /> },
} satisfies Record<string, TaskColumn>;
