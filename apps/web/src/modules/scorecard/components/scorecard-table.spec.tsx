import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMockClient } from '../../../test/mock-client';
import { renderWithProviders } from '../../../test/render-app';
import type { ScorecardRowData } from '../utils/metrics';
import { ScorecardDrillDrawer, type DrillTarget } from './scorecard-drill-drawer';
import { ScorecardTable } from './scorecard-table';

vi.setConfig({ testTimeout: 30_000 });

const counts = (over: Partial<ScorecardRowData['counts']> = {}): ScorecardRowData['counts'] => ({
  leadTasks: 2,
  responsibleTasks: 3,
  dueTasks: 5,
  completed: 4,
  completedOnTime: 3,
  completedLate: 1,
  overdueNow: 0,
  periodsOwed: 10,
  periodsOnTime: 8,
  periodsMissed: 2,
  reportsTotal: 6,
  reportsReturned: 0,
  delaysApproved: 0,
  delaysRefused: 0,
  urgesReceived: 0,
  rectifications: 0,
  rectificationsOpen: 0,
  verdictImplemented: 0,
  verdictPartial: 0,
  verdictNotImplemented: 0,
  verdictNotApplicable: 0,
  ...over,
});

type Line = ScorecardRowData['breakdown'][number];
const line = (
  component: Line['component'],
  label: string,
  numerator: number,
  denominator: number,
  weight: number,
  points: number,
): Line => ({
  component,
  label,
  numerator,
  denominator,
  rate: denominator ? numerator / denominator : null,
  weight,
  points,
});
const breakdown = (onTime: number, notOverdue: number, due: number, score: number): Line[] => [
  line('ON_TIME', '按时完成率', onTime, due, 50, score * 0.5),
  line('NOT_OVERDUE', '无逾期率', notOverdue, due, 30, score * 0.3),
  line('REPORTING', '按时报送率', 8, 10, 20, score * 0.2),
  line('FIRST_PASS', '报送一次通过率', 0, 0, 0, 0),
  line('RECTIFIED', '整改完成率', 0, 0, 0, 0),
];

const ROWS: ScorecardRowData[] = [
  {
    unitId: 'u1',
    unitName: '省发展改革委',
    rank: 1,
    previousRank: 2,
    score: 82.5,
    previousScore: 79,
    scoreChange: 3.5,
    counts: counts(),
    breakdown: breakdown(3, 5, 5, 82.5),
  },
  {
    unitId: 'u2',
    unitName: '沈阳市政府',
    rank: 2,
    previousRank: 1,
    score: 60,
    previousScore: 66,
    scoreChange: -6,
    counts: counts({ overdueNow: 2, urgesReceived: 3 }),
    breakdown: breakdown(3, 3, 5, 60),
  },
  {
    unitId: 'u3',
    unitName: '省教育厅',
    rank: 3,
    previousRank: null,
    score: 50,
    previousScore: null,
    scoreChange: null,
    counts: counts({ completedOnTime: 0 }),
    breakdown: breakdown(0, 5, 5, 50),
  },
  {
    unitId: 'u4',
    unitName: '省民政厅',
    rank: null,
    previousRank: null,
    score: null,
    previousScore: null,
    scoreChange: null,
    counts: counts({ dueTasks: 0 }),
    breakdown: breakdown(0, 0, 0, 0),
  },
];

function Harness() {
  const [target, setTarget] = useState<DrillTarget | null>(null);
  return (
    <>
      <ScorecardTable
        rows={ROWS}
        onDrill={(r, metric, label) => setTarget({ unitId: r.unitId, unitName: r.unitName, metric, label })}
      />
      <ScorecardDrillDrawer target={target} filter={{ year: 2026 }} onClose={() => setTarget(null)} />
    </>
  );
}

const rowNames = () =>
  screen
    .getAllByRole('row')
    .filter((r) => r.getAttribute('data-row-key'))
    .map((r) => within(r).queryAllByRole('cell')[1]?.textContent);

describe('ScorecardTable and drill-down', () => {
  it('ranks units by score with the rates beside it, unscored units last, and sorts by a column', async () => {
    const { client } = createMockClient({});
    renderWithProviders(client, <Harness />);
    expect(rowNames()).toEqual(['省发展改革委', '沈阳市政府', '省教育厅', '省民政厅']);
    expect(screen.getByLabelText('比上年提高 3.5 分')).toBeInTheDocument();
    expect(screen.getByLabelText('比上年降低 6.0 分')).toBeInTheDocument();
    // 按时完成率 3/5 for the first two; 逾期占比 is shown as named: 0% and 40%.
    expect(screen.getAllByText('60%')).toHaveLength(2);
    expect(screen.getByText('40%')).toBeInTheDocument();
    expect(screen.getByText('暂无')).toBeInTheDocument();
    const header = () => screen.getAllByRole('columnheader', { name: /逾期未完成/ })[0];
    await userEvent.click(header());
    await userEvent.click(header());
    await waitFor(() => expect(rowNames()[0]).toBe('沈阳市政府'));
  });

  it('shows how a score was made when the leader points at it', async () => {
    const { client } = createMockClient({});
    renderWithProviders(client, <Harness />);
    await userEvent.click(screen.getByRole('button', { name: '沈阳市政府得分 60.0，查看得分构成' }));
    const table = await screen.findByRole('table', { name: '沈阳市政府得分构成' });
    const cells = within(table)
      .getAllByRole('row')
      .map((r) =>
        within(r)
          .queryAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(cells).toContainEqual(['按时完成率', '60%（3/5）', '50', '30']);
    expect(cells).toContainEqual(['报送一次通过率', '无可考核内容', '0', '—']);
    expect(within(table).getByText('合计（牵头任务在各比率中按倍数计）')).toBeInTheDocument();
  });

  it('a number opens the tasks behind it', async () => {
    const { client, calls } = createMockClient({
      ScorecardTasks: () => ({
        data: {
          scorecardTasks: {
            __typename: 'ScorecardTaskConnection',
            totalCount: 2,
            pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
            nodes: ['t1', 't2'].map((id, i) => ({
              __typename: 'ScorecardTaskEntry',
              count: 1,
              task: {
                __typename: 'Task',
                id,
                role: 'LEAD',
                status: 'IN_PROGRESS',
                light: 'RED',
                dueDate: '2026-06-30',
                isLate: false,
                keyPoint: { __typename: 'KeyPoint', id: `k${i}`, label: `（${i + 1}）`, title: `要点${i + 1}` },
              },
            })),
          },
        },
      }),
    });
    renderWithProviders(client, <Harness />);
    await userEvent.click(screen.getByRole('button', { name: '沈阳市政府逾期未完成 2，查看任务' }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('沈阳市政府 · 逾期未完成')).toBeInTheDocument();
    expect(await within(drawer).findByRole('link', { name: '（1） 要点1' })).toHaveAttribute('href', '/ledger?task=t1');
    expect(within(drawer).getByText('共 2 项任务')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'ScorecardTasks')?.variables).toMatchObject({
      unitId: 'u2',
      metric: 'OVERDUE_NOW',
      filter: { year: 2026 },
    });
  });
});
