import { Button, Card, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useDeferredValue } from 'react';
import type { TaskRowFragment } from '../../../generated/graphql';
import { dueNote } from '../utils/due-note';
import { LIGHT_HEX, LIGHT_ROW_BG, ROLE_LABELS } from '../utils/labels';
import { LightTag, StatusTag } from './light-tag';
import { TaskProgress } from './task-progress';
import { TaskTitle } from './task-title';

/** A list of tasks on a home page, as a table (desktop) or as cards (phone). */
export interface TaskListProps {
  tasks: TaskRowFragment[];
  loading?: boolean;
  totalCount?: number;
  hasMore?: boolean;
  onMore?: () => void;
  onOpen: (taskId: string) => void;
  showUnit?: boolean;
  /** Tasks of several plans (a unit's list across years): say which plan and year each belongs to. */
  showPlan?: boolean;
  emptyText: string;
  actionLabel?: string;
}

/**
 * Cards drawn at once when the list appears: more than a phone's screen holds. Drawing all 30 at once
 * made the list's render the opening's longest task on the phone profile (0.55–0.75 s against
 * 0.25–0.35 s for six, on a shared machine); the rest follow in a background render that a tap interrupts.
 */
export const FIRST_CARDS = 6;

/**
 * The home pages' task list on a phone: a card per task, the key point in full, the facts under it, and
 * one button as wide as the card to open it. Nothing is wider than the screen, so the page never
 * scrolls sideways.
 */
export function TaskCards({ tasks, loading, emptyText, ...rest }: TaskListProps) {
  if (loading) return <Card loading size="small" />;
  if (!tasks.length) return <Empty description={emptyText} />;
  // Mounted when the tasks are there, so its first render is the first screen's (see FIRST_CARDS).
  return <CardList tasks={tasks} emptyText={emptyText} {...rest} />;
}

function CardList({
  tasks,
  totalCount,
  hasMore,
  onMore,
  onOpen,
  showUnit,
  showPlan,
  actionLabel = '查看',
}: TaskListProps) {
  const shown = useDeferredValue(tasks, tasks.slice(0, FIRST_CARDS));
  // The count and "more" wait for the whole list, so they never say more than is drawn.
  const complete = shown === tasks;
  return (
    <Flex vertical gap={12} data-testid="task-cards">
      {shown.map((t) => {
        const note = dueNote(t);
        return (
          <Card
            key={t.id}
            size="small"
            style={{ borderLeft: `4px solid ${LIGHT_HEX[t.light]}`, background: LIGHT_ROW_BG[t.light] || undefined }}
            styles={{ body: { padding: 12 } }}
          >
            <Space wrap size={[4, 4]} style={{ marginBottom: 8 }}>
              <LightTag light={t.light} />
              <StatusTag status={t.status} />
              {showPlan && t.plan && <Tag>{t.plan.year}年</Tag>}
              <Typography.Text type="secondary">
                {showUnit ? `${t.unit?.name ?? ''} · ` : ''}
                {ROLE_LABELS[t.role]}
              </Typography.Text>
            </Space>
            <Typography.Paragraph strong style={{ marginBottom: 8 }}>
              <TaskTitle task={t} />
            </Typography.Paragraph>
            <TaskProgress
              percent={t.progress}
              status={t.status}
              label={`${t.unit?.name ?? ''} ${t.keyPoint?.label ?? ''}`}
            />
            <Typography.Paragraph style={{ margin: '4px 0 8px' }}>
              截止 {t.dueDate}
              {t.originalDueDate !== t.dueDate && (
                <Typography.Text type="secondary">（原定 {t.originalDueDate}）</Typography.Text>
              )}
              {note && <Typography.Text type={note.danger ? 'danger' : 'secondary'}>，{note.text}</Typography.Text>}
            </Typography.Paragraph>
            <Button block onClick={() => onOpen(t.id)} aria-label={`${actionLabel}：${t.keyPoint?.title ?? ''}`}>
              {actionLabel}
            </Button>
          </Card>
        );
      })}
      {complete && totalCount !== undefined && (
        <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
          已显示 {tasks.length} / {totalCount} 项
        </Typography.Text>
      )}
      {complete && hasMore && onMore && (
        <Button block onClick={onMore}>
          加载更多
        </Button>
      )}
    </Flex>
  );
}
