import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient } from '../../test/mock-client';
import { renderWithProviders } from '../../test/render-app';
import LowerCoveragePage from './lower-coverage-page';

vi.setConfig({ testTimeout: 30_000 });

const counts = (c: Partial<Record<string, unknown>> = {}) => ({
  __typename: 'LowerRollupCounts',
  keyPoints: 0,
  tasks: 0,
  green: 0,
  yellow: 0,
  red: 0,
  done: 0,
  doneShare: null,
  overdue: 0,
  overdueUnits: [],
  lastReportOn: null,
  ...c,
});
const point = (id: string, label: string, title: string, coveredBy: number, c = {}) => ({
  __typename: 'UpperPointRollup',
  keyPointId: id,
  label,
  title,
  sectionTitle: null,
  coveredBy,
  counts: counts(c),
});
const coverage = {
  __typename: 'LowerCoverage',
  year: 2026,
  points: [
    point('k1', '(一)', '推进政策解读', 2, {
      keyPoints: 2,
      tasks: 3,
      green: 1,
      red: 1,
      done: 1,
      doneShare: 0.333,
      overdue: 1,
      overdueUnits: ['大连市人民政府办公室·市数据局'],
      lastReportOn: '2026-11-30',
    }),
    point('k2', '(二)', '优化政务服务', 0),
  ],
  lowers: [
    {
      __typename: 'LowerTenantCoverage',
      tenantId: 'c1',
      name: '大连市人民政府办公室',
      covered: 1,
      share: 0.5,
      refreshedAt: '2026-12-01T02:00:00Z',
    },
    {
      __typename: 'LowerTenantCoverage',
      tenantId: 'c2',
      name: '沈阳市人民政府办公室',
      covered: 1,
      share: 0.5,
      refreshedAt: '2026-12-01T02:00:00Z',
    },
  ],
  cells: ['c1', 'c2'].map((t) => ({
    __typename: 'LowerCoverageCell',
    keyPointId: 'k1',
    lowerTenantId: t,
    counts: counts({ keyPoints: 1 }),
  })),
};
const detail = [
  {
    __typename: 'LowerRollupKeyPoint',
    id: 'r1',
    lowerTenantId: 'c1',
    lowerTenantName: '大连市人民政府办公室',
    label: '(三)',
    title: '做好政策解读工作',
    tasks: [
      {
        __typename: 'LowerRollupTask',
        id: 't1',
        unitName: '市数据局',
        status: 'IN_PROGRESS',
        light: 'RED',
        dueDate: '2026-06-30',
        lastReportOn: null,
        overdue: true,
      },
    ],
  },
];

describe('LowerCoveragePage (下级落实)', () => {
  it('lists the gaps: key points no lower office covers, and per lower office the ones it misses', async () => {
    const { client } = createMockClient({ LowerCoverage: () => ({ data: { lowerCoverage: coverage } }) });
    renderWithProviders(client, <LowerCoveragePage />, '/levels');
    const gaps = (await screen.findByText('无下级机构对应的工作要点（1）')).closest('.ant-card') as HTMLElement;
    expect(within(gaps).getByText('(二) 优化政务服务')).toBeInTheDocument();
    expect(within(gaps).getAllByText(/（1 项）：\(二\) 优化政务服务/)).toHaveLength(2);
    expect(screen.getByRole('button', { name: /导出 xlsx/ })).toBeEnabled();
  });

  it('rolls up each key point and drills down, read-only, into a lower office’s key point and its tasks', async () => {
    const { client, calls } = createMockClient({
      LowerCoverage: () => ({ data: { lowerCoverage: coverage } }),
      LowerRollupDetail: () => ({ data: { lowerRollupDetail: detail } }),
    });
    renderWithProviders(client, <LowerCoveragePage />, '/levels?view=rollup');
    const row = (await screen.findByText('(一) 推进政策解读')).closest('tr') as HTMLElement;
    expect(within(row).getByText('33.3%')).toBeInTheDocument();
    expect(within(row).getByText('1 项：大连市人民政府办公室·市数据局')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button'));
    expect(await screen.findByText('大连市人民政府办公室：(三) 做好政策解读工作')).toBeInTheDocument();
    expect(screen.getByText('2026-06-30 已逾期')).toBeInTheDocument();
    expect(screen.getByText('未报送')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'LowerRollupDetail')?.variables).toEqual({ keyPointId: 'k1' });
    expect(screen.queryByRole('button', { name: /保存|删除|催办/ })).toBeNull();
  });
});
