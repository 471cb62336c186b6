import { useQuery } from '@apollo/client/react';
import { Button, Card, Col, Empty, Row, Select, Skeleton, Space, Typography } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  CHART_UNITS,
  unitComparison,
  unitLightsOption,
  unitProgressOption,
} from '../../modules/charts/utils/unit-comparison';
import { PageLoading } from '../../modules/common/components/page-loading';
import { QueryError } from '../../modules/common/components/query-error';
import { lazyWithPreload } from '../../modules/common/utils/lazy-with-preload';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { withSearchParams } from '../../modules/common/utils/search-params';
import { lightStatItems, StatCards } from '../../modules/dashboard/components/light-stats';
import { OverdueTaskList, overdueVariables } from '../../modules/dashboard/components/overdue-task-list';
import { RenderWhenSeen } from '../../modules/dashboard/components/render-when-seen';
import { InstructionButton } from '../../modules/plans/components/instruction-button';
import { PlanProgressTable } from '../../modules/plans/components/plan-progress-table';
import { PlanProgressQuery } from '../../modules/plans/graphql/plan-progress.query';
import { usePublishedPlan } from '../../modules/plans/hooks/use-published-plan';
import { TaskDrawer } from '../../modules/task-detail/components/task-drawer';
import { DashboardQuery } from '../../modules/tasks/graphql/dashboard.query';
import { LedgerTasksQuery } from '../../modules/tasks/graphql/tasks.query';

// ECharts is only ever downloaded by this page (and the scorecard's). It starts downloading with the
// page, while the plans and the page's figures are asked for, so the charts can be drawn as soon as the
// units arrive: plain lazy would only ask for it then, and suspend (React holds a revealed fallback
// for 300 ms).
const EChart = lazyWithPreload(() => import('../../modules/charts/components/echart'));
void EChart.preload().catch(() => undefined);

/** The progress card's body while its tables are on their way: as tall as the skeleton before them. */
const PROGRESS_PLACEHOLDER_HEIGHT = 280;

/** A chart's height for `count` units: the placeholder before the data takes the height of a full chart. */
const chartHeightFor = (count: number) => Math.max(240, count * 28 + 60);

/** The box a chart will fill, at its final size, while the units or the chart's code are on their way. */
function ChartPlaceholder({ height }: { height: number }) {
  return <div aria-busy="true" style={{ height }} />;
}

/** 领导总览: plan progress by section and key point, overdue tasks, units compared, 批示. */
export default function LeadershipHomePage() {
  usePageTitle('总览');
  const [params, setParams] = useSearchParams();
  const openTaskId = params.get('task');
  const openTask = (id: string | null) => setParams(withSearchParams(params, { task: id }));
  const { plans, planId, setPlanId, loading: plansLoading, error: plansError, refetch } = usePublishedPlan();
  const dashboard = useQuery(DashboardQuery, {
    variables: { planId },
    skip: !planId,
    fetchPolicy: 'cache-and-network',
  });
  const progress = useQuery(PlanProgressQuery, {
    variables: { planId: planId ?? '' },
    skip: !planId,
    fetchPolicy: 'cache-and-network',
  });
  const overdue = useQuery(LedgerTasksQuery, {
    variables: overdueVariables(planId),
    skip: !planId,
    fetchPolicy: 'cache-and-network',
  });
  const sections = progress.data?.planProgress.sections;
  const progressUnits = progress.data?.planProgress.units;
  const allUnits = useMemo(() => (progressUnits ? unitComparison(progressUnits) : []), [progressUnits]);
  // Every unit is one click away: the charts say how many they leave out, never drop them silently.
  const [showAll, setShowAll] = useState(false);
  const units = useMemo(() => (showAll ? allUnits : allUnits.slice(0, CHART_UNITS)), [allUnits, showAll]);
  const hidden = allUnits.length - units.length;
  const lightsOption = useMemo(() => unitLightsOption(units), [units]);
  const progressOption = useMemo(() => unitProgressOption(units), [units]);

  if (plansLoading && !plans.length) return <PageLoading rows={10} />;
  if (plansError) return <QueryError error={plansError} onRetry={() => void refetch()} />;
  if (!plans.length) {
    return (
      <>
        <Typography.Title level={3}>总览</Typography.Title>
        <Empty description="政务公开办公室发布年度工作要点后，这里将显示落实进度。" />
      </>
    );
  }
  const d = dashboard.data?.dashboard;
  // Until the units are known the charts keep the room of a full chart (most plans have more units than
  // a chart shows), so nothing below them moves when they arrive.
  const chartHeight = chartHeightFor(progressUnits ? units.length : CHART_UNITS);

  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          总览
        </Typography.Title>
        <Select
          aria-label="工作要点"
          style={{ width: 380 }}
          value={planId ?? undefined}
          onChange={setPlanId}
          options={plans.map((p) => ({ value: p.id, label: `${p.year} ${p.title}` }))}
        />
      </Space>
      {dashboard.error ? (
        <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <StatCards
          loading={!d}
          items={[{ key: 'total', title: '任务总数', value: d?.totalTasks ?? 0 }, ...lightStatItems(d?.lights ?? [])]}
        />
      )}
      {/* As tall as its small button from the start: the button comes with the units. */}
      <Space style={{ marginTop: 16, minHeight: 24 }} wrap data-testid="chart-coverage">
        <Typography.Text type="secondary">
          {!progressUnits && !progress.error
            ? '正在读取各单位的数据…'
            : hidden > 0
              ? `图中显示问题最多的 ${units.length} 个单位，另有 ${hidden} 个单位未显示。`
              : `图中显示全部 ${allUnits.length} 个单位。`}
        </Typography.Text>
        {allUnits.length > CHART_UNITS && (
          <Button size="small" onClick={() => setShowAll(!showAll)}>
            {showAll ? `只看前 ${CHART_UNITS} 个` : `显示全部 ${allUnits.length} 个单位`}
          </Button>
        )}
      </Space>
      <Row gutter={16} style={{ marginTop: 8 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title="各单位任务灯色对比" style={{ marginBottom: 16 }}>
            {!progressUnits && !progress.error ? (
              <ChartPlaceholder height={chartHeight} />
            ) : units.length ? (
              <Suspense fallback={<ChartPlaceholder height={chartHeight} />}>
                <EChart option={lightsOption} height={chartHeight} label="各单位任务灯色对比图" />
              </Suspense>
            ) : (
              <Empty description="暂无数据" />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="各单位平均进度" style={{ marginBottom: 16 }}>
            {!progressUnits && !progress.error ? (
              <ChartPlaceholder height={chartHeight} />
            ) : units.length ? (
              <Suspense fallback={<ChartPlaceholder height={chartHeight} />}>
                <EChart option={progressOption} height={chartHeight} label="各单位平均进度图" />
              </Suspense>
            ) : (
              <Empty description="暂无数据" />
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title="逾期任务" style={{ marginBottom: 16 }}>
        {/* Under the charts, at the first screen's foot: rendered in a transition React slices. */}
        <OverdueTaskList overdue={overdue} lights={d?.lights} onOpen={openTask} deferred />
      </Card>
      <Card size="small" title="落实进度（按部分和要点）">
        {progress.error ? (
          <QueryError error={progress.error} onRetry={() => void progress.refetch()} />
        ) : !sections ? (
          <Skeleton active paragraph={{ rows: 8 }} style={{ minHeight: PROGRESS_PLACEHOLDER_HEIGHT }} />
        ) : (
          // A table per section, below the first screen: drawn when scrolled to or when the browser is
          // idle, one section per task.
          <RenderWhenSeen minHeight={PROGRESS_PLACEHOLDER_HEIGHT}>
            <PlanProgressTable
              sections={sections}
              oneSectionAtATime
              keyPointAction={(kp) => (
                <InstructionButton keyPointId={kp.keyPointId} title={`${kp.label} ${kp.title}`} />
              )}
            />
          </RenderWhenSeen>
        )}
      </Card>
      <TaskDrawer taskId={openTaskId} onClose={() => openTask(null)} />
    </>
  );
}
