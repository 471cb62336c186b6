import { Button, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { TaskRowFragment } from '../../../generated/graphql';
import { LIGHT_ROW_BG, ROLE_LABELS } from '../utils/labels';
import type { TaskListProps } from './task-cards';
import { TASK_COLUMNS } from './task-columns';
import { TaskTitle } from './task-title';

/** Below this the key point's title wraps into a column of single characters; the table scrolls instead. */
export const KEY_POINT_MIN_WIDTH = 280;

/**
 * The home pages' task list on a wide screen, coloured by light; the ledger sorts and selects the same
 * columns. The key point's title keeps a readable width at any screen size: the other columns are fixed
 * and narrow, and the table scrolls sideways before the title is squeezed.
 *
 * The sideways scroll is the browser's own (a box with overflow, a table with a minimum width), not
 * antd's `scroll.x` and a fixed action column: those make the table measure every column's width and
 * read its scroll position in layout effects right after it is drawn, forcing a layout of the whole
 * page (≈ 270 ms of the office home's long task in a trace under load). A list of ten rows does not
 * need the action column pinned.
 */
export default function TaskRows({
  tasks,
  loading,
  totalCount,
  hasMore,
  onMore,
  onOpen,
  showUnit,
  showPlan,
  emptyText,
  actionLabel = '查看',
}: TaskListProps) {
  const columns: TableColumnsType<TaskRowFragment> = [
    TASK_COLUMNS.light,
    ...(showPlan
      ? [
          {
            title: '年度计划',
            key: 'plan',
            width: 150,
            render: (_: unknown, t: TaskRowFragment) =>
              t.plan ? (
                <>
                  <Tag>{t.plan.year}年</Tag>
                  <Typography.Text
                    type="secondary"
                    ellipsis={{ tooltip: t.plan.title }}
                    style={{ display: 'block', fontSize: 12, maxWidth: 134 }}
                  >
                    {t.plan.title}
                  </Typography.Text>
                </>
              ) : null,
          },
        ]
      : []),
    {
      title: '工作要点',
      key: 'kp',
      width: KEY_POINT_MIN_WIDTH,
      render: (_, t) => <TaskTitle task={t} />,
    },
    ...(showUnit
      ? [
          {
            title: '承办单位',
            key: 'unit',
            width: 150,
            render: (_: unknown, t: TaskRowFragment) => (
              <>
                {t.unit?.name}
                <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }}>
                  {ROLE_LABELS[t.role]}
                </Typography.Text>
              </>
            ),
          },
        ]
      : [TASK_COLUMNS.role]),
    TASK_COLUMNS.status,
    TASK_COLUMNS.progress,
    TASK_COLUMNS.dueDate,
    {
      title: '操作',
      key: 'op',
      width: 80,
      render: (_, t) => (
        <Button
          size="small"
          type="link"
          onClick={() => onOpen(t.id)}
          aria-label={`${actionLabel}：${t.keyPoint?.title ?? ''}`}
        >
          {actionLabel}
        </Button>
      ),
    },
  ];
  const width = columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0);
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table<TaskRowFragment>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        style={{ minWidth: width }}
        loading={loading}
        dataSource={tasks}
        pagination={false}
        onRow={(t) => ({ style: { background: LIGHT_ROW_BG[t.light] || undefined } })}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        columns={columns}
        footer={
          totalCount !== undefined
            ? () => (
                <Space>
                  <Typography.Text type="secondary">
                    已显示 {tasks.length} / {totalCount} 项
                  </Typography.Text>
                  {hasMore && onMore && <Button onClick={onMore}>加载更多</Button>}
                </Space>
              )
            : undefined
        }
      />
    </div>
  );
}
