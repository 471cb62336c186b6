import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { useMemo } from 'react';
import EChart, { type EChartOption } from '../../charts/components/echart';
import type { LowerCoverageQuery } from '../../../generated/graphql';

// The heat map's own ECharts parts: the shared chart component registers only what bar charts need.
use([HeatmapChart, VisualMapComponent]);

type Coverage = LowerCoverageQuery['lowerCoverage'];

/** The coverage matrix as a heat map: a row per upper key point, a column per lower tenant, the cell its linked key points' done share. */
export default function CoverageHeatmap({ coverage }: { coverage: Coverage }) {
  const option = useMemo<EChartOption>(() => {
    const { points, lowers } = coverage;
    // A row per key point with a list per measure, a column per lower tenant; a gap (0 key points) stays blank.
    const data = points.flatMap((p, y) =>
      lowers.flatMap((_, x) => {
        const tasks = p.lowerTasks[x] ?? 0;
        const keyPoints = p.lowerKeyPoints[x] ?? 0;
        if (!keyPoints) return [];
        const share = tasks ? Math.round(((p.lowerDone[x] ?? 0) / tasks) * 100) : 0;
        return [[x, y, share, keyPoints, tasks, p.lowerOverdue[x] ?? 0]];
      }),
    );
    return {
      tooltip: {
        formatter: (p: { data: number[] }) => {
          const [x, y, share, kps, tasks, overdue] = p.data as number[];
          return `${lowers[x!]!.name}<br/>${points[y!]!.label} ${points[y!]!.title}<br/>对应要点 ${kps} 项，任务 ${tasks} 项，完成 ${share}%，逾期 ${overdue} 项`;
        },
      },
      grid: { left: 160, right: 24, top: 16, bottom: 80 },
      xAxis: {
        type: 'category',
        data: lowers.map((l) => l.name),
        axisLabel: { interval: 0, rotate: 30 },
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: points.map((p) => `${p.label} ${p.title}`.slice(0, 14)),
        splitArea: { show: true },
      },
      visualMap: {
        min: 0,
        max: 100,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        text: ['完成 100%', '0%'],
        inRange: { color: ['#ffe58f', '#52c41a'] },
      },
      series: [
        {
          name: '下级落实',
          type: 'heatmap',
          data,
          label: { show: true, formatter: (p: { data: number[] }) => `${p.data[3]}项` },
        },
      ],
    };
  }, [coverage]);
  return (
    <EChart
      option={option}
      height={Math.max(240, coverage.points.length * 28 + 110)}
      label="上级工作要点 × 下级机构覆盖热力图（空白为未覆盖）"
    />
  );
}
