import type { ProgressUnit } from '../../plans/components/plan-progress-table';
import { LIGHT_HEX, LIGHT_SHORT, type WarningLight } from '../../tasks/utils/labels';

export interface UnitRow {
  unitId: string;
  name: string;
  lights: Record<WarningLight, number>;
  total: number;
  averageProgress: number;
}

const ZERO = (): Record<WarningLight, number> => ({ RED: 0, YELLOW: 0, GREEN: 0, DONE: 0, DONE_LATE: 0 });

/** How many units a chart shows before the reader asks for all of them. */
export const CHART_UNITS = 15;

/** Per-unit task counts by light and average progress, from the plan progress tree; worst first, every unit. */
export function unitComparison(units: ProgressUnit[]): UnitRow[] {
  return units
    .map((u) => {
      const lights = ZERO();
      for (const l of u.byLight) lights[l.light] += l.count;
      return {
        unitId: u.unitId,
        name: u.unit.name,
        lights,
        total: u.taskCount,
        averageProgress: Math.round(u.averageProgress),
      };
    })
    .sort(
      (a, b) =>
        b.lights.RED - a.lights.RED ||
        b.lights.YELLOW - a.lights.YELLOW ||
        a.averageProgress - b.averageProgress ||
        a.name.localeCompare(b.name, 'zh'),
    );
}

/**
 * The leadership home's charts are drawn once, without ECharts' opening animation: the bars growing
 * from zero are a second of animation frames (150–300 ms long tasks under load) while the page is
 * becoming usable.
 */
const DRAWN_AT_ONCE = { animation: false } as const;

/** Stacked horizontal bars: each unit's tasks by light. */
export function unitLightsOption(rows: UnitRow[]) {
  const lights: WarningLight[] = ['RED', 'YELLOW', 'GREEN', 'DONE_LATE', 'DONE'];
  const names = rows.map((r) => r.name).reverse();
  return {
    ...DRAWN_AT_ONCE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names },
    series: lights.map((l) => ({
      name: LIGHT_SHORT[l],
      type: 'bar',
      stack: 'tasks',
      itemStyle: { color: LIGHT_HEX[l] },
      data: [...rows].reverse().map((r) => r.lights[l]),
    })),
  };
}

/** Average progress per unit. */
export function unitProgressOption(rows: UnitRow[]) {
  const ordered = [...rows].sort((a, b) => a.averageProgress - b.averageProgress);
  return {
    ...DRAWN_AT_ONCE,
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: ordered.map((r) => r.name) },
    series: [
      {
        name: '平均进度',
        type: 'bar',
        itemStyle: { color: '#1677ff' },
        data: ordered.map((r) => r.averageProgress),
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  };
}
