import { Button, Empty, Table, Typography, type TableColumnsType } from 'antd';
import type { ScorecardMetric } from '../../../generated/graphql';
import { METRIC_COLUMNS, onTimeRate, type ScorecardRowData } from '../utils/metrics';
import { ScoreChange } from './score-change';

export interface ScorecardTableProps {
  rows: ScorecardRowData[];
  loading?: boolean;
  onDrill: (row: ScorecardRowData, metric: ScorecardMetric, label: string) => void;
  emptyText?: string;
}

/** Units ranked by score; every count opens the tasks behind it. Sorting is local (the page holds every row). */
export function ScorecardTable({ rows, loading, onDrill, emptyText = '该范围内没有任务，无法排名。请选择已发布工作要点的年度。' }: ScorecardTableProps) {
  const columns: TableColumnsType<ScorecardRowData> = [
    { title: '排名', dataIndex: 'rank', width: 70, fixed: 'left', sorter: (a, b) => a.rank - b.rank, defaultSortOrder: 'ascend' },
    { title: '单位', dataIndex: 'unitName', width: 180, fixed: 'left', sorter: (a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN') },
    {
      title: '得分',
      dataIndex: 'score',
      width: 80,
      sorter: (a, b) => a.score - b.score,
      render: (v: number) => <Typography.Text strong>{v.toFixed(1)}</Typography.Text>,
    },
    {
      title: '较上年',
      key: 'change',
      width: 110,
      sorter: (a, b) => (a.scoreChange ?? -Infinity) - (b.scoreChange ?? -Infinity),
      render: (_, r) => <ScoreChange change={r.scoreChange} previousScore={r.previousScore} />,
    },
    {
      title: '按时完成率',
      key: 'rate',
      width: 100,
      sorter: (a, b) => (onTimeRate(a) ?? -1) - (onTimeRate(b) ?? -1),
      render: (_, r) => {
        const rate = onTimeRate(r);
        return rate === null ? '—' : `${rate}%`;
      },
    },
    ...METRIC_COLUMNS.map(
      (c): TableColumnsType<ScorecardRowData>[number] => ({
        title: c.label,
        key: c.key,
        width: 90,
        align: 'right',
        sorter: (a, b) => a.counts[c.key] - b.counts[c.key],
        render: (_, r) => {
          const n = r.counts[c.key];
          if (!n) return <Typography.Text type="secondary">0</Typography.Text>;
          return (
            <Button
              type="link"
              size="small"
              danger={c.danger}
              style={{ padding: 0 }}
              onClick={() => onDrill(r, c.metric, c.label)}
              aria-label={`${r.unitName}${c.label} ${n}，查看任务`}
            >
              {n}
            </Button>
          );
        },
      }),
    ),
  ];
  return (
    <Table<ScorecardRowData>
      rowKey="unitId"
      size="small"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 1600 }}
      sticky
      locale={{ emptyText: <Empty description={emptyText} /> }}
    />
  );
}
