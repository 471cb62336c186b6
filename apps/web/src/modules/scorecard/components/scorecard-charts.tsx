import { palette } from '../../../app/theme';
import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import EChart, { type EChartOption } from '../../charts/components/echart';
import { LIGHT_HEX } from '../../tasks/utils/labels';
import type { ScorecardRowData } from '../utils/metrics';

/** Scores by unit, and each unit's on-time / late / overdue split (stacked). Loaded with the page only. */
export default function ScorecardCharts({ rows }: { rows: ScorecardRowData[] }) {
  // Units without a score yet have nothing to chart.
  const ranked = useMemo(() => rows.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!), [rows]);
  const names = ranked.map((r) => r.unitName);
  const height = Math.max(280, ranked.length * 26 + 80);
  const scores: EChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: '得分' },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: '得分',
          data: ranked.map((r) => r.score),
          label: { show: true, position: 'right' },
          itemStyle: { color: palette.blue },
        },
      ],
    }),
    [ranked, names],
  );
  const split: EChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: '任务数', minInterval: 1 },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          stack: 'tasks',
          name: '按时完成',
          data: ranked.map((r) => r.counts.completedOnTime),
          itemStyle: { color: LIGHT_HEX.DONE },
        },
        {
          type: 'bar',
          stack: 'tasks',
          name: '逾期完成',
          data: ranked.map((r) => r.counts.completedLate),
          itemStyle: { color: LIGHT_HEX.DONE_LATE },
        },
        {
          type: 'bar',
          stack: 'tasks',
          name: '逾期未完成',
          data: ranked.map((r) => r.counts.overdueNow),
          itemStyle: { color: LIGHT_HEX.RED },
        },
      ],
    }),
    [ranked, names],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title="得分">
          <EChart option={scores} height={height} label="各单位得分柱状图" />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title="完成情况">
          <EChart option={split} height={height} label="各单位按时完成、逾期完成、逾期未完成任务数堆叠图" />
        </Card>
      </Col>
    </Row>
  );
}
