import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { withMotionPreference } from '../../common/hooks/use-reduced-motion';

// Only what the bar charts draw (the leadership home, the scorecard): keeps the chart chunk small. A
// chart of another kind registers its own parts (coverage-heatmap.tsx). This module is imported lazily,
// so the sign-in page and other homes never download ECharts.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type EChartOption = echarts.EChartsCoreOption;

/** Runs `work` in a task of its own, after the current one (and the paint it ends with); returns the way to cancel it. */
function nextTask(work: () => void): () => void {
  const handle = window.setTimeout(work, 0);
  return () => window.clearTimeout(handle);
}

/**
 * An ECharts canvas that follows its container's size. The container has its final size from the first
 * render, so drawing later moves nothing on the page.
 */
export default function EChart({
  option,
  height = 320,
  label,
}: {
  option: EChartOption;
  height?: number;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let resize: ResizeObserver | undefined;
    // A chart's set-up is one long task: it runs in a task of its own right after the render that
    // mounted it (two charts are two tasks rather than one, and the page's first paint goes first),
    // not when idle: what a page draws later when idle (lists below the first screen) would go first.
    const cancel = nextTask(() => {
      chart.current = echarts.init(element, undefined, { renderer: 'canvas' });
      chart.current.setOption(withMotionPreference(latest.current), true);
      resize = new ResizeObserver(() => chart.current?.resize());
      resize.observe(element);
    });
    return () => {
      cancel();
      resize?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(withMotionPreference(option), true);
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
