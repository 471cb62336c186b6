import { useQuery } from '@apollo/client/react';
import { Alert, Empty, Select, Space, Typography } from 'antd';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { PageLoading } from '../../modules/common/components/page-loading';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { PlanProgressTable } from '../../modules/plans/components/plan-progress-table';
import { PlanProgressQuery } from '../../modules/plans/graphql/plan-progress.query';
import { usePublishedPlan } from '../../modules/plans/hooks/use-published-plan';

/** 牵头协调: the key points my unit leads, with every co-unit's progress on them. */
export default function CoordinationPage() {
  usePageTitle('牵头协调');
  const { viewer } = useViewer();
  const { plans, planId, setPlanId, loading: plansLoading, error: plansError, refetch } = usePublishedPlan();
  const progress = useQuery(PlanProgressQuery, {
    variables: { planId: planId ?? '' },
    skip: !planId,
    fetchPolicy: 'cache-and-network',
  });
  if (plansLoading && !plans.length) return <PageLoading />;
  if (plansError) return <QueryError error={plansError} onRetry={() => void refetch()} />;
  const led = (progress.data?.planProgress.sections ?? []).map((s) => ({
    ...s,
    keyPoints: s.keyPoints.filter((kp) => !!viewer?.unitId && kp.leadUnitIds.includes(viewer.unitId)),
  }));
  return (
    <>
      <Typography.Title level={3}>牵头协调</Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${viewer?.unitName ?? '本单位'}牵头的要点及各责任单位的进展，便于督促协调。`}
      />
      {!plans.length ? (
        <Empty description="还没有已发布的工作要点。" />
      ) : (
        <>
          <Space style={{ marginBottom: 12 }}>
            <span>工作要点</span>
            <Select
              aria-label="工作要点"
              style={{ width: 360 }}
              value={planId ?? undefined}
              onChange={setPlanId}
              options={plans.map((p) => ({ value: p.id, label: `${p.year} ${p.title}` }))}
            />
          </Space>
          {progress.error ? (
            <QueryError error={progress.error} onRetry={() => void progress.refetch()} />
          ) : progress.loading && !progress.data ? (
            <PageLoading />
          ) : (
            <PlanProgressTable sections={led} emptyText="本单位在这份工作要点中没有牵头的要点。" />
          )}
        </>
      )}
    </>
  );
}
