import { useQuery } from '@apollo/client/react';
import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Empty, Segmented, Select, Space, Tabs, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ScorecardFilterInput, UnitKind } from '../../generated/graphql';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { PageLoading } from '../../modules/common/components/page-loading';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { withSearchParams } from '../../modules/common/utils/search-params';
import { DownloadButton, exportHref } from '../../modules/exports';
import { PlansQuery } from '../../modules/plans/graphql/plans.query';
import { ScoreRulesForm } from '../../modules/scorecard/components/score-rules-form';
import { ScorecardDrillDrawer, type DrillTarget } from '../../modules/scorecard/components/scorecard-drill-drawer';
import { ScorecardTable } from '../../modules/scorecard/components/scorecard-table';
import { ScorecardQuery } from '../../modules/scorecard/graphql/scorecard.query';
import { UNIT_KIND_LABELS } from '../../modules/directory/utils/unit-kinds';

const ScorecardCharts = lazy(() => import('../../modules/scorecard/components/scorecard-charts'));

/** 考核: units ranked by score for a year or a plan, with the tasks behind every number. */
export default function ScorecardPage() {
  usePageTitle('考核');
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [rulesOpen, setRulesOpen] = useState(false);
  const plans = useQuery(PlansQuery, { variables: { status: 'PUBLISHED', first: 100 } });
  const planNodes = plans.data?.plans.nodes ?? [];
  const years = [...new Set(planNodes.map((p) => p.year))].sort((a, b) => b - a);

  const mode = params.get('planId') ? 'plan' : 'year';
  const planId = params.get('planId') ?? undefined;
  const year = params.get('year') ? Number(params.get('year')) : years[0];
  const unitKind = (params.get('unitKind') as UnitKind | null) ?? undefined;
  const tab = params.get('view') === 'chart' ? 'chart' : 'table';
  const filter: ScorecardFilterInput | null = useMemo(
    () => (planId ? { planId, unitKind } : year ? { year, unitKind } : null),
    [planId, year, unitKind],
  );
  const set = (changes: Record<string, string | number | undefined>) =>
    setParams(withSearchParams(params, changes), { replace: true });

  const { data, loading, error, refetch } = useQuery(ScorecardQuery, {
    variables: { filter: filter ?? {}, first: 200 },
    skip: !filter,
    fetchPolicy: 'cache-and-network',
  });
  const rows = data?.scorecard.nodes ?? [];
  const admin = viewer?.role === 'OFFICE_ADMIN';

  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          考核
        </Typography.Title>
        <Space wrap>
          <Button icon={<SettingOutlined />} onClick={() => setRulesOpen(true)}>
            计分规则
          </Button>
          <DownloadButton
            href={exportHref('scorecard.xlsx', { planId, year: planId ? undefined : year, unitKind })}
            filename="考核结果.xlsx"
            disabled={!filter}
            disabledReason="请先选择年度或工作要点"
          >
            导出 xlsx
          </DownloadButton>
        </Space>
      </Space>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Segmented
            aria-label="考核范围"
            value={mode}
            options={[
              { value: 'year', label: '按年度' },
              { value: 'plan', label: '按工作要点' },
            ]}
            onChange={(v) =>
              v === 'plan' ? set({ planId: planNodes[0]?.id, year: undefined }) : set({ planId: undefined })
            }
          />
          {mode === 'year' ? (
            <Select
              aria-label="年度"
              style={{ width: 120 }}
              loading={plans.loading}
              value={year}
              options={years.map((y) => ({ value: y, label: `${y}年` }))}
              onChange={(v: number) => set({ year: v })}
              notFoundContent="没有已发布的工作要点"
            />
          ) : (
            <Select
              aria-label="工作要点"
              style={{ width: 320 }}
              loading={plans.loading}
              value={planId}
              options={planNodes.map((p) => ({ value: p.id, label: `${p.year} ${p.title}` }))}
              onChange={(v: string) => set({ planId: v })}
            />
          )}
          <Select
            aria-label="单位类型"
            style={{ width: 150 }}
            allowClear
            placeholder="全部单位类型"
            value={unitKind}
            options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            onChange={(v?: string) => set({ unitKind: v })}
          />
          {data && (
            <Typography.Text type="secondary">
              {data.scorecard.year ? `${data.scorecard.year}年 · ` : ''}共 {data.scorecard.rankedUnits} 个单位参与排名
              {data.scorecard.totalCount > data.scorecard.rankedUnits
                ? `，${data.scorecard.totalCount - data.scorecard.rankedUnits} 个单位暂无可考核内容`
                : ''}
            </Typography.Text>
          )}
        </Space>
      </Card>
      {!filter && !plans.loading ? (
        <Empty description="还没有已发布的工作要点。发布工作要点并下达任务后，这里按单位排名。" />
      ) : error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ view: k === 'chart' ? 'chart' : undefined })}
          items={[
            {
              key: 'table',
              label: '排名',
              children: (
                <>
                  {data && (
                    <Typography.Paragraph type="secondary" data-testid="tie-break">
                      将鼠标移到得分上可查看得分构成。{data.scorecard.tieBreak}
                    </Typography.Paragraph>
                  )}
                  <ScorecardTable
                    rows={rows}
                    loading={loading || plans.loading}
                    onDrill={(r, metric, label) => setDrill({ unitId: r.unitId, unitName: r.unitName, metric, label })}
                  />
                </>
              ),
            },
            {
              key: 'chart',
              label: '图表',
              children:
                tab === 'chart' ? (
                  rows.length ? (
                    <Suspense fallback={<PageLoading rows={8} />}>
                      <ScorecardCharts rows={rows} />
                    </Suspense>
                  ) : loading ? (
                    <PageLoading rows={8} />
                  ) : (
                    <Empty description="该范围内没有任务" />
                  )
                ) : null,
            },
          ]}
        />
      )}
      <ScorecardDrillDrawer target={drill} filter={filter ?? {}} onClose={() => setDrill(null)} />
      <Drawer open={rulesOpen} onClose={() => setRulesOpen(false)} size={720} title="计分规则" destroyOnHidden>
        <Typography.Paragraph type="secondary">
          按比率计分，单位任务多少不影响得分：按时完成率、逾期占比、按时报送率等各项比率按权重加权平均，满分 100 分。
          {admin ? '' : '计分规则由政务公开办管理员设置。'}
        </Typography.Paragraph>
        <ScoreRulesForm editable={admin} />
      </Drawer>
    </>
  );
}
