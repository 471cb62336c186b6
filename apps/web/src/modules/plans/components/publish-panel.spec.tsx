import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient } from '../../../test/mock-client';
import { renderWithProviders } from '../../../test/render-app';
import { PublishPanel, type PublishPreviewView } from './publish-panel';

vi.setConfig({ testTimeout: 30_000 });

const preview = (over: Partial<PublishPreviewView> = {}): PublishPreviewView => ({
  keyPoints: 22,
  tasksToCreate: 120,
  unitsInvolved: 17,
  keyPointsWithoutUnits: 0,
  unresolvedNames: 0,
  unresolvedOccurrences: 0,
  unitsWithoutLiaison: [],
  pastTimeLimits: [],
  ...over,
});

function show(p: PublishPreviewView, duplicates = [] as { id: string; title: string; status: string }[]) {
  const published: number[] = [];
  const { client } = createMockClient({});
  renderWithProviders(
    client,
    <PublishPanel
      planId="plan-1"
      preview={p}
      duplicates={duplicates}
      publishing={false}
      onPublish={async () => void published.push(1)}
    />,
  );
  return published;
}

describe('PublishPanel', () => {
  it('counts unit names, not occurrences, and blocks publishing while one is open', () => {
    show(preview({ unresolvedNames: 3, unresolvedOccurrences: 45 }));
    expect(screen.getByTestId('unresolved-names')).toHaveTextContent('3 个（出现 45 处）');
    expect(screen.getByRole('button', { name: /发布并生成任务/ })).toBeDisabled();
  });

  it('says before publishing which units have no liaison, which time limits are past, and which plan has the same document', async () => {
    const published = show(
      preview({
        unitsWithoutLiaison: [
          { id: 'a', name: '省民政厅' },
          { id: 'b', name: '昆明市人民政府' },
        ],
        pastTimeLimits: [
          {
            keyPointId: 'k1',
            label: '(一)',
            title: '做好重大政策解读',
            text: '6月底前',
            date: '2026-06-30',
            isDueDate: true,
          },
        ],
      }),
      [{ id: 'p0', title: '云南省2026年政务公开工作要点', status: 'PUBLISHED' }],
    );
    const warnings = screen.getByTestId('publish-warnings');
    expect(within(warnings).getByText('2 个单位还没有联络员账号')).toBeInTheDocument();
    expect(
      within(warnings).getByText(/省民政厅、昆明市人民政府。发布后这些单位无人能登录查看任务/),
    ).toBeInTheDocument();
    expect(within(warnings).getByText('1 个时限已过（最早 2026-06-30）')).toBeInTheDocument();
    expect(within(warnings).getByText('(一) 做好重大政策解读：6月底前（2026-06-30）')).toBeInTheDocument();
    expect(within(warnings).getByRole('link', { name: '《云南省2026年政务公开工作要点》' })).toHaveAttribute(
      'href',
      '/plans/p0',
    );

    await userEvent.click(screen.getByRole('button', { name: /发布并生成任务/ }));
    const confirm = await screen.findByTestId('publish-confirm');
    // The dialog promises only what will happen: 15 of 17 units can see their tasks.
    expect(confirm).toHaveTextContent('已开通联络员账号的 15 个单位可在“我的任务”中看到并报送进展');
    expect(confirm).not.toHaveTextContent('各单位联络员即可');
    expect(within(confirm).getByText('2 个单位还没有联络员账号')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '仍然发布' }));
    expect(published).toEqual([1]);
  });

  it('promises every unit its tasks only when every unit has a liaison', async () => {
    show(preview());
    expect(screen.queryByTestId('publish-warnings')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /发布并生成任务/ }));
    expect(await screen.findByTestId('publish-confirm')).toHaveTextContent(
      '各单位联络员即可在“我的任务”中看到并报送进展',
    );
  });
});
