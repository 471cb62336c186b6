import { useQuery } from '@apollo/client/react';
import { Alert, Card, Empty, Progress, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { PageLoading } from '../../modules/common/components/page-loading';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { withSearchParams } from '../../modules/common/utils/search-params';
import { DownloadButton, exportHref } from '../../modules/exports';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { LowerRollupDetail } from '../../modules/levels/components/lower-rollup-detail';
import { LowerUrgesTable } from '../../modules/levels/components/lower-urges-table';
import { UrgeLowerButton, type UrgeTarget } from '../../modules/levels/components/urge-lower-button';
import { LowerCoverageQuery } from '../../modules/levels/graphql/lower-coverage.query';

// ECharts downloads only when this page opens.
const CoverageHeatmap = lazy(() => import('../../modules/levels/components/coverage-heatmap'));

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

/** 下级落实: how the lower offices carry out this office's key points — coverage, gaps and roll-up. */
export default function LowerCoveragePage() {
  usePageTitle('下级落实');
  const [params, setParams] = useSearchParams();
  const { viewer } = useViewer();
  const canUrge = viewer?.role === 'OFFICE_ADMIN' || viewer?.role === 'OFFICE_STAFF';
  const asked = params.get('year') ? Number(params.get('year')) : null;
  const { data, loading, error, refetch } = useQuery(LowerCoverageQuery, {
    variables: { year: asked },
    fetchPolicy: 'cache-and-network',
  });
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const coverage = data?.lowerCoverage;
  if (!coverage) return <PageLoading />;
  const { points, lowers, year } = coverage;
  const years = year ? [year + 1, year, year - 1, year - 2] : [];
  const uncovered = points.filter((p) => p.coveredBy === 0);
  // Whom to urge about a key point: every lower office, those with a gap or lagging tasks marked (and chosen by default).
  const urgeTargets = (p: (typeof points)[number]): UrgeTarget[] =>
    lowers.map((l, i) => {
      const hint = !p.lowerKeyPoints[i]
        ? '未对应'
        : p.lowerOverdue[i]
          ? `逾期 ${p.lowerOverdue[i]} 项`
          : p.lowerRed[i]
            ? `红灯 ${p.lowerRed[i]} 项`
            : null;
      return { tenantId: l.tenantId, name: l.name, hint };
    });
  const view = ['rollup', 'urges'].includes(params.get('view') ?? '') ? params.get('view')! : 'coverage';
  const missing = lowers
    .map((l, i) => ({ lower: l, points: points.filter((p) => !p.lowerKeyPoints[i]) }))
    .filter((m) => m.points.length);

  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          下级落实
        </Typography.Title>
        <Space wrap>
          <Select
            aria-label="年度"
            value={year ?? undefined}
            placeholder="年度"
            style={{ width: 120 }}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
            onChange={(y) => setParams(withSearchParams(params, { year: y }), { replace: true })}
          />
          <DownloadButton
            href={exportHref('lower-coverage.xlsx', { year: year ?? undefined })}
            filename="下级落实情况.xlsx"
          >
            导出 xlsx
          </DownloadButton>
          {canUrge && (
            <DownloadButton
              href={exportHref('lower-tongbao.docx', { year: year ?? undefined })}
              filename={`关于${year ?? ''}年政务公开工作要点下级落实情况的通报（草稿）.docx`}
            >
              起草通报
            </DownloadButton>
          )}
        </Space>
      </Space>
      {!lowers.length ? (
        <Alert
          type="info"
          showIcon
          title="还没有关联的下级机构"
          description="在 系统设置 → 上下级联动 中邀请下级机构；下级机构把自己的工作要点对应到本机构的工作要点后，这里显示落实情况。"
        />
      ) : !points.length ? (
        <Empty description={`${year ?? ''}年没有已发布的工作要点`} />
      ) : (
        <Tabs
          activeKey={view}
          onChange={(next) =>
            setParams(withSearchParams(params, { view: next === 'coverage' ? undefined : next }), { replace: true })
          }
          items={[
            {
              key: 'coverage',
              label: '覆盖情况',
              children: (
                <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                  <Card size="small" title="覆盖矩阵（格内为对应的下级要点数，颜色为完成率，空白为未覆盖）">
                    <Suspense fallback={<PageLoading />}>
                      <CoverageHeatmap coverage={coverage} />
                    </Suspense>
                  </Card>
                  <Card size="small" title="各下级机构覆盖率">
                    <Table
                      size="small"
                      rowKey="tenantId"
                      pagination={false}
                      dataSource={lowers}
                      columns={[
                        { title: '下级机构', dataIndex: 'name' },
                        { title: '已覆盖要点', render: (_, l) => `${l.covered} / ${points.length}` },
                        {
                          title: '覆盖率',
                          dataIndex: 'share',
                          render: (s: number) => <Progress percent={Math.round(s * 100)} size="small" />,
                        },
                      ]}
                    />
                  </Card>
                  <Card size="small" title="缺口">
                    <Typography.Title level={5}>无下级机构对应的工作要点（{uncovered.length}）</Typography.Title>
                    {uncovered.length ? (
                      <ul>
                        {uncovered.map((p) => (
                          <li key={p.keyPointId}>{`${p.label} ${p.title}`}</li>
                        ))}
                      </ul>
                    ) : (
                      <Typography.Paragraph type="secondary">每项工作要点都有下级机构对应。</Typography.Paragraph>
                    )}
                    <Typography.Title level={5}>下级机构未对应的工作要点</Typography.Title>
                    {missing.length ? (
                      missing.map((m) => (
                        <Typography.Paragraph key={m.lower.tenantId}>
                          <Typography.Text strong>{m.lower.name}</Typography.Text>（{m.points.length} 项）：
                          {m.points.map((p) => `${p.label} ${p.title}`).join('；')}
                        </Typography.Paragraph>
                      ))
                    ) : (
                      <Typography.Paragraph type="secondary">每个下级机构都对应了全部工作要点。</Typography.Paragraph>
                    )}
                  </Card>
                </Space>
              ),
            },
            {
              key: 'rollup',
              label: '落实汇总',
              children: (
                <Table
                  size="small"
                  rowKey="keyPointId"
                  loading={loading}
                  pagination={false}
                  dataSource={points}
                  expandable={{
                    expandedRowRender: (p) => <LowerRollupDetail keyPointId={p.keyPointId} />,
                    rowExpandable: (p) => p.coveredBy > 0,
                  }}
                  columns={[
                    { title: '工作要点', render: (_, p) => `${p.label} ${p.title}` },
                    { title: '覆盖下级', dataIndex: 'coveredBy', render: (n: number) => `${n} / ${lowers.length}` },
                    { title: '任务', render: (_, p) => p.counts.tasks },
                    {
                      title: '灯色',
                      render: (_, p) => (
                        <Space size={2}>
                          <Tag color="red">红 {p.counts.red}</Tag>
                          <Tag color="gold">黄 {p.counts.yellow}</Tag>
                          <Tag color="green">绿 {p.counts.green}</Tag>
                        </Space>
                      ),
                    },
                    { title: '完成率', render: (_, p) => pct(p.counts.doneShare) },
                    {
                      title: '逾期',
                      // Counted here; the units are named in the row's drill-down (LowerRollupDetail).
                      render: (_, { counts: c }) =>
                        c.overdue ? (
                          <Typography.Text type="danger">{`${c.overdue} 项（${c.overdueUnitCount} 个单位）`}</Typography.Text>
                        ) : (
                          0
                        ),
                    },
                    { title: '最近报送', render: (_, p) => p.counts.lastReportOn ?? '—' },
                    ...(canUrge
                      ? [
                          {
                            title: '操作',
                            render: (_: unknown, p: (typeof points)[number]) => (
                              <UrgeLowerButton
                                keyPoint={{ id: p.keyPointId, label: p.label, title: p.title }}
                                targets={urgeTargets(p)}
                              />
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              ),
            },
            { key: 'urges', label: '催办记录', children: <LowerUrgesTable /> },
          ]}
        />
      )}
    </>
  );
}
