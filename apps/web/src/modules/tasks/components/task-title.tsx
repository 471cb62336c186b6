import { Tag } from 'antd';
import type { TaskRowFragment } from '../../../generated/graphql';
import { KindTag } from './kind-tag';

/** A task as its lists name it: the key point, and what it is waiting for (整改, urges, 签收). */
export function TaskTitle({ task }: { task: TaskRowFragment }) {
  return (
    <span data-testid="task-title">
      {task.keyPoint ? `${task.keyPoint.label} ${task.keyPoint.title}` : '—'}
      <KindTag kind={task.kind} />
      {task.urgeCount > 0 && (
        <Tag color="red" style={{ marginLeft: 8 }}>
          催办 {task.urgeCount}
        </Tag>
      )}
      {!task.signedAt && (
        <Tag color="blue" style={{ marginLeft: 8 }}>
          待签收
        </Tag>
      )}
    </span>
  );
}
