import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMockClient } from '../../../test/mock-client';
import { renderWithProviders } from '../../../test/render-app';
import { LightRecomputeNote } from './light-recompute-note';

vi.setConfig({ testTimeout: 30_000 });

const run = (startedAt: string, running: boolean) => ({
  data: {
    lightRecompute: {
      __typename: 'LightRecompute',
      reason: '预警设置已修改',
      total: 12000,
      done: running ? 3000 : 12000,
      changed: running ? 40 : 180,
      startedAt,
      finishedAt: running ? null : startedAt,
      running,
      failed: false,
    },
  },
});

/** The settings page's part: a save bumps the counter the note watches. */
function Harness() {
  const [saves, setSaves] = useState(0);
  return (
    <>
      <button onClick={() => setSaves((n) => n + 1)}>保存设置</button>
      <LightRecomputeNote after={saves} />
    </>
  );
}

describe('LightRecomputeNote', () => {
  it('shows the progress of the run a save started, and its outcome', async () => {
    let answer = run('2027-03-01T01:00:00Z', false);
    const { client } = createMockClient({ LightRecompute: () => answer });
    renderWithProviders(client, <Harness />);
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.queryByText(/重新计算/)).toBeNull();
    answer = run('2027-03-02T01:00:00Z', true);
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(await screen.findByText('预警设置已修改：正在按新设置重新计算 12000 项任务的预警灯…')).toBeInTheDocument();
    answer = run('2027-03-02T01:00:00Z', false);
    expect(
      await screen.findByText(
        '预警设置已修改：已按新设置重新计算 12000 项任务的预警灯，180 项变化。',
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
  });

  it('says nothing after a save that started no run', async () => {
    const answer = run('2027-03-01T01:00:00Z', false);
    const { client } = createMockClient({ LightRecompute: () => answer });
    renderWithProviders(client, <Harness />);
    await new Promise((r) => setTimeout(r, 200));
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    await new Promise((r) => setTimeout(r, 500));
    expect(screen.queryByText(/重新计算/)).toBeNull();
  });
});
