import { palette } from '../../../app/theme';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ReviewSummaryQuery as ReviewSummaryData } from '../../../generated/graphql';
import { PageLoading } from '../../common/components/page-loading';
import { QueryError } from '../../common/components/query-error';
import { StatusTag } from '../../tasks/components/light-tag';
import { ReviewSummaryQuery } from '../graphql/review-summary.query';
import { VERDICT_COLORS, VERDICT_LABELS } from '../utils/verdicts';

type Summary = ReviewSummaryData['reviewSummary'];

/** 回头看 summary: counts by verdict, a table by unit and the 整改清单. */
export function ReviewSummaryView({
  reviewId,
  onOpenTask,
}: {
  reviewId: string;
  onOpenTask: (taskId: string) => void;
}) {
  const { data, loading, error, refetch } = useQuery(ReviewSummaryQuery, {
    variables: { id: reviewId },
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <PageLoading rows={8} />;
  if (error || !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const s: Summary = data.reviewSummary;
  const c = s.counts;
  const stats: [string, number, string?][] = [
    ['纳入评定', c.total - c.excluded],
    [VERDICT_LABELS.IMPLEMENTED, c.implemented, palette.green],
    [VERDICT_LABELS.PARTIAL, c.partial, palette.gold],
    [VERDICT_LABELS.NOT_IMPLEMENTED, c.notImplemented, palette.red],
    [VERDICT_LABELS.NOT_APPLICABLE, c.notApplicable],
    ['待评定', c.pending],
    ['不纳入', c.excluded],
    ['整改任务', c.rectifications, palette.orange],
  ];
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {stats.map(([title, value, color]) => (
          <Col key={title} xs={12} sm={8} md={6} lg={3}>
            <Card size="small">
              <Statistic title={title} value={value} styles={{ content: color ? { color } : undefined }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Title level={5}>分单位情况</Typography.Title>
      <Table
        rowKey="unitId"
        size="small"
        dataSource={s.byUnit}
        pagination={s.byUnit.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty description="没有纳入评定的单位" /> }}
        columns={[
          { title: '单位', dataIndex: 'unitName', fixed: 'left', width: 200 },
          {
            title: '任务数',
            key: 'total',
            width: 80,
            sorter: (a, b) => a.counts.total - b.counts.total,
            render: (_, u) => u.counts.total,
          },
          { title: VERDICT_LABELS.IMPLEMENTED, key: 'i', width: 90, render: (_, u) => u.counts.implemented || '' },
          { title: VERDICT_LABELS.PARTIAL, key: 'p', width: 90, render: (_, u) => u.counts.partial || '' },
          {
            title: VERDICT_LABELS.NOT_IMPLEMENTED,
            key: 'n',
            width: 90,
            sorter: (a, b) => a.counts.notImplemented - b.counts.notImplemented,
            render: (_, u) =>
              u.counts.notImplemented ? <Typography.Text type="danger">{u.counts.notImplemented}</Typography.Text> : '',
          },
          {
            title: VERDICT_LABELS.NOT_APPLICABLE,
            key: 'na',
            width: 80,
            render: (_, u) => u.counts.notApplicable || '',
          },
          { title: '待评定', key: 'pending', width: 80, render: (_, u) => u.counts.pending || '' },
          { title: '整改任务', key: 'r', width: 90, render: (_, u) => u.counts.rectifications || '' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        整改清单
      </Typography.Title>
      <Table
        rowKey="taskId"
        size="small"
        dataSource={s.rectifications}
        pagination={s.rectifications.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description="没有整改任务：评定为部分落实或未落实的任务会列在这里。" /> }}
        columns={[
          { title: '工作要点', key: 'kp', render: (_, r) => `${r.keyPointLabel} ${r.keyPointTitle}` },
          { title: '承办单位', dataIndex: 'unitName', width: 160 },
          {
            title: '评定',
            key: 'verdict',
            width: 96,
            render: (_, r) => <Tag color={VERDICT_COLORS[r.verdict]}>{VERDICT_LABELS[r.verdict]}</Tag>,
          },
          { title: '整改要求', dataIndex: 'requirement', width: 240, render: (v: string | null) => v ?? '—' },
          { title: '整改时限', dataIndex: 'dueDate', width: 110 },
          { title: '状态', key: 'status', width: 130, render: (_, r) => <StatusTag status={r.status} /> },
          {
            title: '操作',
            key: 'op',
            width: 90,
            fixed: 'right',
            render: (_, r) => (
              <Button
                type="link"
                size="small"
                onClick={() => onOpenTask(r.taskId)}
                aria-label={`查看整改任务：${r.keyPointTitle}`}
              >
                查看
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
