import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { print } from 'graphql';
import { createMockClient, viewerOf } from '../../test/mock-client';
import { renderWithProviders } from '../../test/render-app';
import { PlanProgressQuery } from '../../modules/plans/graphql/plan-progress.query';
import LeadershipHomePage from './leadership-home-page';

vi.setConfig({ testTimeout: 30_000 });

// jsdom has no canvas: the chart shows the units it was given, in its order, instead of drawing them.
vi.mock('../../modules/charts/components/echart', () => ({
  default: ({ option, label }: { option: { yAxis: { data: string[] } }; label: string }) => (
    <ol aria-label={label}>
      {option.yAxis.data.map((name) => (
        <li key={name}>{name}</li>
      ))}
    </ol>
  ),
}));

const lights = (counts: Record<string, number>) =>
  Object.entries(counts).map(([light, count]) => ({ __typename: 'ProgressLightCount', light, count }));
const unit = (id: string, name: string) => ({ __typename: 'UnitModel', id, name });

const plan = { __typename: 'PlanModel', id: 'p1', title: '2026年政务公开工作要点', year: 2026 };
const progress = {
  __typename: 'PlanProgress',
  plan,
  sections: [
    {
      __typename: 'SectionProgress',
      sectionId: 's1',
      label: '一',
      title: '推进政策公开',
      keyPoints: [
        {
          __typename: 'KeyPointProgress',
          keyPointId: 'k1',
          label: '(一)',
          title: '做好政策解读',
          parentId: null,
          dueDate: '2026-12-31',
          taskCount: 3,
          averageProgress: 40,
          leadUnitIds: ['u1'],
          byLight: lights({ RED: 1, GREEN: 2 }),
          byStatus: [{ __typename: 'ProgressStatusCount', status: 'IN_PROGRESS', count: 3 }],
        },
      ],
    },
  ],
  units: [
    {
      __typename: 'UnitProgress',
      unitId: 'u1',
      unit: unit('u1', '省发展改革委'),
      taskCount: 1,
      averageProgress: 60,
      byLight: lights({ GREEN: 1 }),
    },
    {
      __typename: 'UnitProgress',
      unitId: 'u2',
      unit: unit('u2', '省教育厅'),
      taskCount: 2,
      averageProgress: 30,
      byLight: lights({ RED: 1, GREEN: 1 }),
    },
  ],
};
const keyPointTasks = [
  { id: 't1', unitId: 'u1', name: '省发展改革委', role: 'LEAD', progress: 60, light: 'GREEN' },
  { id: 't2', unitId: 'u2', name: '省教育厅', role: 'RESPONSIBLE', progress: 0, light: 'RED' },
].map((t) => ({
  __typename: 'ProgressTask',
  taskId: t.id,
  unitId: t.unitId,
  role: t.role,
  status: 'IN_PROGRESS',
  progress: t.progress,
  light: t.light,
  dueDate: '2026-12-31',
  unit: unit(t.unitId, t.name),
}));

function leadershipHome() {
  return createMockClient({
    Me: () => ({ data: { me: viewerOf({ role: 'LEADERSHIP' }) } }),
    Plans: () => ({
      data: {
        plans: {
          __typename: 'PlanConnection',
          totalCount: 1,
          pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
          nodes: [
            {
              ...plan,
              status: 'PUBLISHED',
              docNumber: null,
              version: 1,
              createdAt: '2026-02-01T00:00:00Z',
              publishedAt: '2026-02-02T00:00:00Z',
              unresolvedCount: 0,
            },
          ],
        },
      },
    }),
    Dashboard: () => ({
      data: {
        dashboard: {
          __typename: 'DashboardModel',
          totalTasks: 3,
          overdueCount: 1,
          reportsWaitingReview: 0,
          delayRequestsWaiting: 0,
          dueSoonCount: 0,
          dueSoonUntil: '2026-12-07',
          lights: lights({ RED: 1, GREEN: 2 }),
          unitsMostOverdue: [],
        },
      },
    }),
    LedgerTasks: () => ({
      data: {
        tasks: {
          __typename: 'TaskConnection',
          totalCount: 0,
          pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
          nodes: [],
        },
      },
    }),
    PlanProgress: () => ({ data: { planProgress: progress } }),
    KeyPointProgressTasks: () => ({ data: { keyPointProgressTasks: keyPointTasks } }),
  });
}

describe('LeadershipHomePage (总览)', () => {
  it("draws the tree from counts and reads a key point's tasks only when it is opened", async () => {
    // The tree's query never asks for the plan's tasks (a province plan has thousands).
    expect(print(PlanProgressQuery)).not.toMatch(/\btasks\b/);
    const { client, calls } = leadershipHome();
    renderWithProviders(client, <LeadershipHomePage />, '/');
    const row = (await screen.findByText('(一) 做好政策解读')).closest('tr') as HTMLElement;
    expect(within(row).getByText('3')).toBeInTheDocument();
    expect(screen.queryByText('省教育厅', { selector: 'td' })).toBeNull();
    expect(calls.some((c) => c.operationName === 'KeyPointProgressTasks')).toBe(false);

    await userEvent.click(within(row).getByRole('button', { name: /展开|Expand/ }));
    expect(await screen.findByText('省教育厅', { selector: 'td' })).toBeInTheDocument();
    expect(screen.getByText('省发展改革委', { selector: 'td' })).toBeInTheDocument();
    expect(calls.filter((c) => c.operationName === 'KeyPointProgressTasks').map((c) => c.variables)).toEqual([
      { keyPointId: 'k1' },
    ]);
  });

  it('compares the units from their counts, the one with red tasks first', async () => {
    const { client } = leadershipHome();
    renderWithProviders(client, <LeadershipHomePage />, '/');
    expect(await screen.findByText('图中显示全部 2 个单位。')).toBeInTheDocument();
    const chart = await screen.findByRole('list', { name: '各单位任务灯色对比图' });
    // Drawn bottom-up: the worst unit is the last category, at the top of the bars.
    expect(
      within(chart)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['省发展改革委', '省教育厅']);
    const averages = await screen.findByRole('list', { name: '各单位平均进度图' });
    expect(
      within(averages)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['省教育厅', '省发展改革委']);
  });
});
