import { useQuery } from '@apollo/client/react';
import { Button, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import type { ReviewItemFilterInput, ReviewItemRowFragment, ReviewVerdict } from '../../../generated/graphql';
import { QueryError } from '../../common/components/query-error';
import { StatusTag } from '../../tasks/components/light-tag';
import { ROLE_LABELS } from '../../tasks/utils/labels';
import { ReviewItemsQuery } from '../graphql/review-items.query';
import { ExclusionActions } from './exclusion-actions';
import { VERDICT_COLORS, VERDICT_LABELS, VERDICTS } from '../utils/verdicts';

const PAGE = 50;

export type VerdictFilter = ReviewVerdict | 'PENDING' | 'EXCLUDED' | undefined;

export function toItemFilter(verdict: VerdictFilter, unitId: string | undefined): ReviewItemFilterInput {
  return {
    ...(verdict === 'PENDING'
      ? { pending: true }
      : verdict === 'EXCLUDED'
        ? { excluded: true }
        : verdict
          ? { verdict }
          : {}),
    ...(unitId ? { unitId } : {}),
  };
}

export interface ReviewItemsTableProps {
  reviewId: string;
  verdict: VerdictFilter;
  unitId?: string;
  units: { id: string; name: string }[];
  onFilter: (verdict: VerdictFilter, unitId: string | undefined) => void;
  /** Office users on an open review may record verdicts. */
  canRecord: boolean;
  onRecord: (item: ReviewItemRowFragment) => void;
  onOpenTask: (taskId: string) => void;
}

/** The review's items, one task each, filtered by verdict (or 待评定) and unit. */
export function ReviewItemsTable({
  reviewId,
  verdict,
  unitId,
  units,
  onFilter,
  canRecord,
  onRecord,
  onOpenTask,
}: ReviewItemsTableProps) {
  const { data, loading, error, refetch, fetchMore } = useQuery(ReviewItemsQuery, {
    variables: { id: reviewId, filter: toItemFilter(verdict, unitId), first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const items = data?.review.items;
  const rows = items?.nodes ?? [];
  const filtered = !!verdict || !!unitId;

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<VerdictFilter>
          aria-label="评定结果筛选"
          style={{ width: 160 }}
          allowClear
          placeholder="全部评定结果"
          value={verdict}
          onChange={(v) => onFilter(v, unitId)}
          options={[
            { value: 'PENDING', label: '待评定' },
            ...VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] })),
            { value: 'EXCLUDED', label: '不纳入' },
          ]}
        />
        <Select
          aria-label="承办单位筛选"
          style={{ width: 220 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部承办单位"
          value={unitId}
          onChange={(v?: string) => onFilter(verdict, v)}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
        {filtered && <Button onClick={() => onFilter(undefined, undefined)}>清除筛选</Button>}
      </Space>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<ReviewItemRowFragment>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1120 }}
          locale={{
            emptyText: (
              <Empty
                description={
                  filtered ? '没有符合筛选条件的任务，请调整或清除筛选条件。' : '这次回头看没有纳入评定的任务。'
                }
              />
            ),
          }}
          columns={[
            {
              title: '工作要点',
              key: 'kp',
              render: (_, i) => (i.task?.keyPoint ? `${i.task.keyPoint.label} ${i.task.keyPoint.title}` : '—'),
            },
            {
              title: '承办单位',
              key: 'unit',
              width: 170,
              render: (_, i) => (
                <>
                  {i.unit?.name}
                  {i.task && <Typography.Text type="secondary"> · {ROLE_LABELS[i.task.role]}</Typography.Text>}
                </>
              ),
            },
            { title: '时限', key: 'due', width: 110, render: (_, i) => i.task?.dueDate },
            {
              title: '任务状态',
              key: 'status',
              width: 140,
              render: (_, i) => (i.task ? <StatusTag status={i.task.status} /> : '—'),
            },
            {
              title: '评定',
              key: 'verdict',
              width: 200,
              render: (_, i) =>
                i.excludedAt ? (
                  <>
                    <Tag>不纳入</Tag>
                    <Typography.Paragraph
                      type="secondary"
                      ellipsis={{ rows: 2, tooltip: i.excludedReason }}
                      style={{ margin: '4px 0 0', fontSize: 12 }}
                    >
                      {i.excludedReason}
                    </Typography.Paragraph>
                  </>
                ) : i.verdict ? (
                  <>
                    <Tag color={VERDICT_COLORS[i.verdict]}>{VERDICT_LABELS[i.verdict]}</Tag>
                    {i.notes && (
                      <Typography.Paragraph
                        type="secondary"
                        ellipsis={{ rows: 2, tooltip: i.notes }}
                        style={{ margin: '4px 0 0', fontSize: 12 }}
                      >
                        {i.notes}
                      </Typography.Paragraph>
                    )}
                  </>
                ) : (
                  <Tag color="processing">待评定</Tag>
                ),
            },
            {
              title: '整改',
              key: 'rect',
              width: 150,
              render: (_, i) =>
                i.rectificationTask ? (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => onOpenTask(i.rectificationTask!.id)}
                    aria-label={`查看整改任务：${i.task?.keyPoint?.title ?? ''}`}
                  >
                    整改时限 {i.rectificationTask.dueDate}
                  </Button>
                ) : (
                  ''
                ),
            },
            {
              title: '操作',
              key: 'op',
              width: 210,
              fixed: 'right',
              render: (_, i) => (
                <Space size={0}>
                  {canRecord && !i.excludedAt && (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => onRecord(i)}
                      aria-label={`${i.verdict ? '修改评定' : '评定'}：${i.unit?.name ?? ''} ${i.task?.keyPoint?.title ?? ''}`}
                    >
                      {i.verdict ? '修改' : '评定'}
                    </Button>
                  )}
                  <Button
                    type="link"
                    size="small"
                    onClick={() => onOpenTask(i.taskId)}
                    aria-label={`任务记录：${i.unit?.name ?? ''} ${i.task?.keyPoint?.title ?? ''}`}
                  >
                    任务记录
                  </Button>
                  {canRecord && <ExclusionActions item={i} />}
                </Space>
              ),
            },
          ]}
          footer={() => (
            <Space>
              <Typography.Text type="secondary">
                已显示 {rows.length} / {items?.totalCount ?? 0} 项
              </Typography.Text>
              {items?.pageInfo.hasNextPage && (
                <Button
                  loading={loading}
                  onClick={() => void fetchMore({ variables: { after: items.pageInfo.endCursor } })}
                >
                  加载更多
                </Button>
              )}
            </Space>
          )}
        />
      )}
    </>
  );
}
