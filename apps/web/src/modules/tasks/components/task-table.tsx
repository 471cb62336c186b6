import { Button, Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import type { TaskRowFragment } from '../../../generated/graphql';
import { LIGHT_ROW_BG, ROLE_LABELS } from '../utils/labels';
import { LightTag, StatusTag } from './light-tag';

export interface TaskTableProps {
  tasks: TaskRowFragment[];
  loading?: boolean;
  totalCount?: number;
  hasMore?: boolean;
  onMore?: () => void;
  onOpen: (taskId: string) => void;
  showUnit?: boolean;
  emptyText: string;
  actionLabel?: string;
}

/** A compact list of tasks coloured by light (home pages); the ledger has its own sortable table. */
export function TaskTable({ tasks, loading, totalCount, hasMore, onMore, onOpen, showUnit, emptyText, actionLabel = '查看' }: TaskTableProps) {
  return (
    <Table<TaskRowFragment>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={tasks}
      pagination={false}
      scroll={{ x: 800 }}
      onRow={(t) => ({ style: { background: LIGHT_ROW_BG[t.light] || undefined } })}
      locale={{ emptyText: <Empty description={emptyText} /> }}
      columns={[
        { title: '灯色', key: 'light', width: 96, render: (_, t) => <LightTag light={t.light} /> },
        {
          title: '工作要点',
          key: 'kp',
          render: (_, t) => (
            <>
              {t.keyPoint ? `${t.keyPoint.label} ${t.keyPoint.title}` : '—'}
              {t.urgeCount > 0 && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  催办 {t.urgeCount}
                </Tag>
              )}
            </>
          ),
        },
        ...(showUnit ? [{ title: '承办单位', key: 'unit', width: 150, render: (_: unknown, t: TaskRowFragment) => t.unit?.name }] : []),
        { title: '角色', key: 'role', width: 64, render: (_, t) => ROLE_LABELS[t.role] },
        { title: '状态', key: 'status', width: 140, render: (_, t) => <StatusTag status={t.status} /> },
        { title: '进度', key: 'progress', width: 110, render: (_, t) => <Progress percent={t.progress} size="small" /> },
        {
          title: '截止日期',
          key: 'due',
          width: 150,
          render: (_, t) => (
            <>
              {t.dueDate}
              {t.overdueWorkingDays > 0 && (
                <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                  逾期 {t.overdueWorkingDays} 个工作日
                </Typography.Text>
              )}
            </>
          ),
        },
        {
          title: '操作',
          key: 'op',
          width: 90,
          fixed: 'right',
          render: (_, t) => (
            <Button size="small" type="link" onClick={() => onOpen(t.id)} aria-label={`${actionLabel}：${t.keyPoint?.title ?? ''}`}>
              {actionLabel}
            </Button>
          ),
        },
      ]}
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
  );
}
