import { Button, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { TaskRowFragment } from '../../../generated/graphql';
import { LIGHT_ROW_BG } from '../utils/labels';
import type { TaskListProps } from './task-cards';
import { TASK_COLUMNS } from './task-columns';

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
    TASK_COLUMNS.keyPoint,
    ...(showUnit ? [TASK_COLUMNS.unit] : [TASK_COLUMNS.role]),
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
