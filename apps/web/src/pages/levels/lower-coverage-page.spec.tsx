import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient, viewerOf } from '../../test/mock-client';
import { renderWithProviders } from '../../test/render-app';
import { print } from 'graphql';
import { LowerCoverageQuery } from '../../modules/levels/graphql/lower-coverage.query';
import LowerCoveragePage from './lower-coverage-page';

// The urge journey clicks through two dialogs and a tab: over 30 s when the shared machine is busy.
vi.setConfig({ testTimeout: 90_000 });

const counts = (c: Partial<Record<string, unknown>> = {}) => ({
  __typename: 'LowerRollupCounts',
  tasks: 0,
  green: 0,
  yellow: 0,
  red: 0,
  doneShare: null,
  overdue: 0,
  overdueUnitCount: 0,
  lastReportOn: null,
  ...c,
});
/** `perLower`: the matrix row, per lower office (c1, c2) its linked key points, tasks, red, done and overdue. */
const point = (
  id: string,
  label: string,
  title: string,
  coveredBy: number,
  c = {},
  perLower: [number, number, number, number, number][] = [
    [0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0],
  ],
) => ({
  __typename: 'UpperPointRollup',
  keyPointId: id,
  label,
  title,
  coveredBy,
  counts: counts(c),
  lowerKeyPoints: perLower.map((l) => l[0]),
  lowerTasks: perLower.map((l) => l[1]),
  lowerRed: perLower.map((l) => l[2]),
  lowerDone: perLower.map((l) => l[3]),
  lowerOverdue: perLower.map((l) => l[4]),
});
const K1_COVERED: [number, number, number, number, number][] = [
  [1, 0, 0, 0, 0],
  [1, 0, 0, 0, 0],
];
const coverage = {
  __typename: 'LowerCoverage',
  year: 2026,
  points: [
    point(
      'k1',
      '(一)',
      '推进政策解读',
      2,
      {
        tasks: 3,
        green: 1,
        red: 1,
        doneShare: 0.333,
        overdue: 1,
        overdueUnitCount: 1,
        lastReportOn: '2026-11-30',
      },
      K1_COVERED,
    ),
    point('k2', '(二)', '优化政务服务', 0),
  ],
  lowers: [
    {
      __typename: 'LowerTenantCoverage',
      tenantId: 'c1',
      name: '大连市人民政府办公室',
      covered: 1,
      share: 0.5,
    },
    {
      __typename: 'LowerTenantCoverage',
      tenantId: 'c2',
      name: '沈阳市人民政府办公室',
      covered: 1,
      share: 0.5,
    },
  ],
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
        sharedReport: null,
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
    // Leadership (and anyone not of the office) reads; the 通报 draft is the office's.
    expect(screen.queryByRole('button', { name: /起草通报/ })).toBeNull();
  });

  it('rolls up each key point and drills down, read-only, into a lower office’s key point and its tasks', async () => {
    const { client, calls } = createMockClient({
      LowerCoverage: () => ({ data: { lowerCoverage: coverage } }),
      LowerRollupDetail: () => ({ data: { lowerRollupDetail: detail } }),
    });
    renderWithProviders(client, <LowerCoveragePage />, '/levels?view=rollup');
    const row = (await screen.findByText('(一) 推进政策解读')).closest('tr') as HTMLElement;
    expect(within(row).getByText('33.3%')).toBeInTheDocument();
    expect(within(row).getByText('1 项（1 个单位）')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button'));
    expect(await screen.findByText('大连市人民政府办公室：(三) 做好政策解读工作')).toBeInTheDocument();
    expect(screen.getByText('逾期单位：大连市人民政府办公室·市数据局')).toBeInTheDocument();
    expect(screen.getByText('2026-06-30 已逾期')).toBeInTheDocument();
    expect(screen.getByText('未报送')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'LowerRollupDetail')?.variables).toEqual({ keyPointId: 'k1' });
    expect(screen.queryByRole('button', { name: /保存|删除|催办/ })).toBeNull();
  });

  it('counts the overdue units in the row and names the first of them, from the drill-down, once it is expanded', async () => {
    // 45 units of 大连 with an overdue task each, listed by the drill-down out of code point order.
    const units = Array.from({ length: 45 }, (_, i) => `单位${String(45 - i).padStart(2, '0')}`);
    const lagging = {
      ...coverage,
      points: [point('k1', '(一)', '推进政策解读', 2, { tasks: 60, overdue: 45, overdueUnitCount: 45 }, K1_COVERED)],
    };
    const laggingDetail = [
      {
        ...detail[0]!,
        tasks: units.map((unitName, i) => ({ ...detail[0]!.tasks[0]!, id: `t${i}`, unitName })),
      },
    ];
    const { client } = createMockClient({
      LowerCoverage: () => ({ data: { lowerCoverage: lagging } }),
      LowerRollupDetail: () => ({ data: { lowerRollupDetail: laggingDetail } }),
    });
    renderWithProviders(client, <LowerCoveragePage />, '/levels?view=rollup');
    const row = (await screen.findByText('(一) 推进政策解读')).closest('tr') as HTMLElement;
    expect(within(row).getByText('45 项（45 个单位）')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: '展开行' }));
    const named = Array.from({ length: 10 }, (_, i) => `大连市人民政府办公室·单位${String(i + 1).padStart(2, '0')}`);
    expect(await screen.findByText(`逾期单位：${named.join('、')} 等 45 个单位`)).toBeInTheDocument();
    // The matrix travels as int lists per key point, never an object (or unit names) per cell, and the
    // overdue units' names (most of a province's answer) are not asked for: 300 key points × 16 cities stay small.
    const query = print(LowerCoverageQuery);
    expect(query).not.toMatch(/cells|overdueUnits\b/);
    expect(query.match(/\blower[A-Z]\w+/g)!.sort()).toEqual([
      'lowerCoverage',
      'lowerDone',
      'lowerKeyPoints',
      'lowerOverdue',
      'lowerRed',
      'lowerTasks',
    ]);
  });

  it('lets the office urge the lower offices that lag on a key point, and lists the urges with their 签收', async () => {
    const sent: Record<string, unknown>[] = [];
    const urge = (v: Record<string, unknown>) => ({
      __typename: 'LowerUrge',
      id: `g${sent.length}`,
      lowerTenantId: v.lowerTenantId,
      lowerTenantName: v.lowerTenantId === 'c1' ? '大连市人民政府办公室' : '沈阳市人民政府办公室',
      keyPointId: 'k1',
      keyPointLabel: '(一)',
      keyPointTitle: '推进政策解读',
      situation: '对应工作要点 1 项，任务 1 项，已完成 0 项，逾期 1 项',
      message: v.message,
      createdByName: '李科员',
      createdAt: '2026-12-01T02:00:00Z',
      acknowledgedAt: null,
      acknowledgedByName: null,
    });
    const overdueInC1 = {
      ...coverage,
      points: coverage.points.map((p) =>
        p.keyPointId === 'k1' ? { ...p, lowerOverdue: [1, 0], lowerTasks: [1, 1] } : p,
      ),
    };
    const { client, calls } = createMockClient({
      Me: () => ({ data: { me: viewerOf({ role: 'OFFICE_STAFF' }) } }),
      LowerCoverage: () => ({ data: { lowerCoverage: overdueInC1 } }),
      UrgeLowerTenant: (v) => {
        sent.push(v);
        return { data: { urgeLowerTenant: urge(v) } };
      },
      LowerUrges: () => ({
        data: {
          lowerUrges: {
            __typename: 'LowerUrgeConnection',
            totalCount: sent.length,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            nodes: sent.map(urge),
          },
        },
      }),
    });
    renderWithProviders(client, <LowerCoveragePage />, '/levels?view=rollup');
    const row = (await screen.findByText('(二) 优化政务服务')).closest('tr') as HTMLElement;
    expect(screen.getByRole('button', { name: /起草通报/ })).toBeEnabled();
    await userEvent.click(within(row).getByRole('button', { name: /催办下级/ }));
    const dialog = await screen.findByRole('dialog');
    // Both offices miss key point (二): both are chosen, each marked 未对应.
    expect(within(dialog).getByText('大连市人民政府办公室（未对应）')).toBeInTheDocument();
    expect(within(dialog).getByText('沈阳市人民政府办公室（未对应）')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: '发出催办' }));
    await screen.findByText('已向大连市人民政府办公室、沈阳市人民政府办公室发出催办');
    expect(calls.filter((c) => c.operationName === 'UrgeLowerTenant').map((c) => c.variables)).toEqual([
      { lowerTenantId: 'c1', keyPointId: 'k2', message: '请对照上级工作要点抓紧落实，并及时报送进展。' },
      { lowerTenantId: 'c2', keyPointId: 'k2', message: '请对照上级工作要点抓紧落实，并及时报送进展。' },
    ]);
    // On (一) only 大连 lags (an overdue task): it alone is chosen.
    const first = (await screen.findByText('(一) 推进政策解读')).closest('tr') as HTMLElement;
    await userEvent.click(within(first).getByRole('button', { name: /催办下级/ }));
    const second = (await screen.findAllByRole('dialog')).at(-1)!;
    expect(within(second).getByText('大连市人民政府办公室（逾期 1 项）')).toBeInTheDocument();
    expect(within(second).queryByText('沈阳市人民政府办公室')).toBeNull();
    await userEvent.click(within(second).getByRole('button', { name: /取\s?消/ }));
    await userEvent.click(screen.getByRole('tab', { name: '催办记录' }));
    expect((await screen.findAllByText('未签收')).length).toBeGreaterThan(0);
  });
});
