import { Button, Empty, Popover, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { ScorecardMetric } from '../../../generated/graphql';
import { formatPercent, METRIC_COLUMNS, RATE_COLUMNS, shownRate, type ScorecardRowData } from '../utils/metrics';
import { ScoreBreakdown } from './score-breakdown';
import { ScoreChange } from './score-change';

export interface ScorecardTableProps {
  rows: ScorecardRowData[];
  loading?: boolean;
  onDrill: (row: ScorecardRowData, metric: ScorecardMetric, label: string) => void;
  emptyText?: string;
}

const nullsLast = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a - b);

/**
 * Units ranked by score; the score opens how it was made, every count the tasks behind it. Sorting is
 * local (the page holds every row); units with nothing to judge yet have no score and come last.
 */
export function ScorecardTable({
  rows,
  loading,
  onDrill,
  emptyText = '该范围内没有任务，无法排名。请选择已发布工作要点的年度。',
}: ScorecardTableProps) {
  const columns: TableColumnsType<ScorecardRowData> = [
    {
      title: '排名',
      dataIndex: 'rank',
      width: 70,
      fixed: 'left',
      sorter: (a, b) => nullsLast(a.rank, b.rank),
      defaultSortOrder: 'ascend',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: '单位',
      dataIndex: 'unitName',
      width: 180,
      fixed: 'left',
      sorter: (a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN'),
    },
    {
      title: '得分',
      dataIndex: 'score',
      width: 90,
      sorter: (a, b) => nullsLast(a.score, b.score),
      render: (v: number | null, r) =>
        v === null ? (
          <Tooltip title="还没有到期的任务和应报送的期次，暂不计分">
            <Typography.Text type="secondary">暂无</Typography.Text>
          </Tooltip>
        ) : (
          <Popover title={`${r.unitName} · 得分构成`} content={<ScoreBreakdown row={r} />} trigger={['hover', 'click']}>
            <Button
              type="link"
              size="small"
              style={{ padding: 0, fontWeight: 600 }}
              aria-label={`${r.unitName}得分 ${v.toFixed(1)}，查看得分构成`}
            >
              {v.toFixed(1)}
            </Button>
          </Popover>
        ),
    },
    {
      title: '较上年',
      key: 'change',
      width: 110,
      sorter: (a, b) => (a.scoreChange ?? -Infinity) - (b.scoreChange ?? -Infinity),
      render: (_, r) => <ScoreChange change={r.scoreChange} previousScore={r.previousScore} />,
    },
    ...RATE_COLUMNS.map((c): TableColumnsType<ScorecardRowData>[number] => ({
      title: <Tooltip title={c.help}>{c.label}</Tooltip>,
      key: c.component,
      width: 100,
      align: 'right',
      sorter: (a, b) => nullsLast(shownRate(a, c.component), shownRate(b, c.component)),
      render: (_, r) => formatPercent(shownRate(r, c.component)),
    })),
    ...METRIC_COLUMNS.map((c): TableColumnsType<ScorecardRowData>[number] => ({
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
    })),
  ];
  return (
    <Table<ScorecardRowData>
      rowKey="unitId"
      size="small"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 1900 }}
      sticky
      locale={{ emptyText: <Empty description={emptyText} /> }}
    />
  );
}
