import { Table, Typography } from 'antd';
import type { ScorecardRowData } from '../utils/metrics';

type Line = ScorecardRowData['breakdown'][number];

const num = (n: number) => String(Math.round(n * 100) / 100);

/**
 * How a unit's score was made: each rate (as a fraction of weighted counts), its weight and the points it
 * adds. Rates with nothing to judge, or weighted 0, add nothing and say why.
 */
export function ScoreBreakdown({ row }: { row: Pick<ScorecardRowData, 'unitName' | 'score' | 'breakdown'> }) {
  return (
    <div style={{ maxWidth: 520 }}>
      <Table<Line>
        size="small"
        rowKey="component"
        pagination={false}
        dataSource={row.breakdown}
        aria-label={`${row.unitName}得分构成`}
        columns={[
          { title: '项目', dataIndex: 'label', width: 120 },
          {
            title: '比率',
            key: 'rate',
            render: (_, l) =>
              l.rate === null ? (
                <Typography.Text type="secondary">无可考核内容</Typography.Text>
              ) : (
                `${num(l.rate * 100)}%（${num(l.numerator)}/${num(l.denominator)}）`
              ),
          },
          { title: '权重', dataIndex: 'weight', width: 56, align: 'right' },
          {
            title: '得分',
            key: 'points',
            width: 64,
            align: 'right',
            render: (_, l) => (l.weight > 0 && l.rate !== null ? num(l.points) : '—'),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              合计（牵头任务在各比率中按倍数计）
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong>{row.score === null ? '—' : num(row.score)}</Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </div>
  );
}
