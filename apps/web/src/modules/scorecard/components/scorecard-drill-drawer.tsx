import { useQuery } from '@apollo/client/react';
import { Button, Drawer, Empty, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type {
  ScorecardFilterInput,
  ScorecardMetric,
  ScorecardTasksQuery as ScorecardTasksData,
} from '../../../generated/graphql';
import { QueryError } from '../../common/components/query-error';
import { LightTag, StatusTag } from '../../tasks/components/light-tag';
import { ROLE_LABELS } from '../../tasks/utils/labels';
import { ScorecardTasksQuery } from '../graphql/scorecard-tasks.query';

type Entry = ScorecardTasksData['scorecardTasks']['nodes'][number];

export interface DrillTarget {
  unitId: string;
  unitName: string;
  metric: ScorecardMetric;
  label: string;
}

/** The tasks behind one scorecard number; each opens in the ledger's task drawer. */
export function ScorecardDrillDrawer({
  target,
  filter,
  onClose,
}: {
  target: DrillTarget | null;
  filter: ScorecardFilterInput;
  onClose: () => void;
}) {
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      size={720}
      title={target ? `${target.unitName} · ${target.label}` : ''}
      destroyOnHidden
    >
      {target && <DrillList target={target} filter={filter} />}
    </Drawer>
  );
}

function DrillList({ target, filter }: { target: DrillTarget; filter: ScorecardFilterInput }) {
  const { data, loading, error, refetch, fetchMore } = useQuery(ScorecardTasksQuery, {
    variables: { unitId: target.unitId, metric: target.metric, filter, first: 50 },
    notifyOnNetworkStatusChange: true,
  });
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const conn = data?.scorecardTasks;
  const rows = conn?.nodes ?? [];
  const showCount = rows.some((r) => r.count !== 1);
  return (
    <Table<Entry>
      rowKey={(r) => r.task.id}
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: <Empty description="没有对应的任务" /> }}
      columns={[
        { title: '灯色', key: 'light', width: 90, render: (_, r) => <LightTag light={r.task.light} /> },
        {
          title: '工作要点',
          key: 'kp',
          render: (_, r) => (
            <Link to={`/ledger?task=${r.task.id}`}>
              {r.task.keyPoint ? `${r.task.keyPoint.label} ${r.task.keyPoint.title}` : '任务'}
            </Link>
          ),
        },
        { title: '角色', key: 'role', width: 60, render: (_, r) => ROLE_LABELS[r.task.role] },
        { title: '状态', key: 'status', width: 130, render: (_, r) => <StatusTag status={r.task.status} /> },
        { title: '时限', key: 'due', width: 110, render: (_, r) => r.task.dueDate },
        ...(showCount ? [{ title: '计数', key: 'count', width: 60, render: (_: unknown, r: Entry) => r.count }] : []),
      ]}
      footer={() => (
        <Space>
          <Typography.Text type="secondary">共 {conn?.totalCount ?? 0} 项任务</Typography.Text>
          {conn?.pageInfo.hasNextPage && (
            <Button loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor } })}>
              加载更多
            </Button>
          )}
        </Space>
      )}
    />
  );
}
