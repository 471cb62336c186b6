import { Typography, type TableColumnType } from 'antd';
import type { TaskRowFragment } from '../../../generated/graphql';
import { dueNote } from '../utils/due-note';
import { ROLE_LABELS } from '../utils/labels';
import { LightTag, StatusTag } from './light-tag';
import { TaskProgress } from './task-progress';
import { TaskTitle } from './task-title';

type TaskColumn = TableColumnType<TaskRowFragment>;

/** Below this the key point's title wraps into a column of single characters; the list scrolls instead. */
const KEY_POINT_MIN_WIDTH = 280;

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
  keyPoint: { title: '工作要点', key: 'kp', width: KEY_POINT_MIN_WIDTH, render: (_, t) => <TaskTitle task={t} /> },
  role: { title: '角色', key: 'role', width: 64, render: (_, t) => ROLE_LABELS[t.role] },
  /** The unit with its role beside it, where a list shows many units' tasks (the role column's place). */
  unit: {
    title: '承办单位',
    key: 'unit',
    width: 150,
    render: (_, t) => (
      <>
        {t.unit?.name}
        <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }}>
          {ROLE_LABELS[t.role]}
        </Typography.Text>
      </>
    ),
  },
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
