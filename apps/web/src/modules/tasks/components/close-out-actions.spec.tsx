import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient } from '../../../test/mock-client';
import { renderWithProviders } from '../../../test/render-app';
import { CloseOutActions } from './close-out-actions';
import { TaskBrief } from './task-brief';

vi.setConfig({ testTimeout: 30_000 });

const closed = (status: string) => ({
  __typename: 'Task',
  id: 't1',
  status,
  light: 'DONE',
  closedAt: status === 'CLOSED' ? '2026-11-23T02:00:00Z' : null,
  closeNote: null,
  completedAt: null,
  version: 4,
});

describe('办结销号 and reopening from the task drawer', () => {
  it('closes an accepted task with the 销号 note', async () => {
    const { client, calls } = createMockClient({ CloseTask: () => ({ data: { closeTask: closed('CLOSED') } }) });
    renderWithProviders(client, <CloseOutActions task={{ id: 't1', version: 3, status: 'DONE' }} />);
    await userEvent.click(screen.getByRole('button', { name: '办结销号' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('销号说明（可选）'), '材料齐全，予以销号');
    await userEvent.click(within(dialog).getByRole('button', { name: /确认销号/ }));
    await waitFor(() =>
      expect(calls.find((c) => c.operationName === 'CloseTask')?.variables).toEqual({
        taskId: 't1',
        version: 3,
        note: '材料齐全，予以销号',
      }),
    );
  });

  it('reopens a closed task only with a reason, and offers nothing for an open one', async () => {
    const { client, calls } = createMockClient({
      ReopenTask: () => ({ data: { reopenTask: { ...closed('IN_PROGRESS'), light: 'RED' } } }),
    });
    const { unmount } = renderWithProviders(
      client,
      <CloseOutActions task={{ id: 't1', version: 5, status: 'CLOSED' }} />,
    );
    expect(screen.queryByRole('button', { name: '办结销号' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: '重新打开' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: /重新打开/ }));
    expect(await within(dialog).findByText('请填写重新打开的原因，单位将据此继续办理')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('重新打开的原因'), '复核发现链接失效');
    await userEvent.click(within(dialog).getByRole('button', { name: /重新打开/ }));
    await waitFor(() =>
      expect(calls.find((c) => c.operationName === 'ReopenTask')?.variables).toEqual({
        taskId: 't1',
        version: 5,
        reason: '复核发现链接失效',
      }),
    );
    unmount();
    renderWithProviders(client, <CloseOutActions task={{ id: 't1', version: 5, status: 'IN_PROGRESS' }} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('what is asked, at the top of a task', () => {
  it('shows the key point as written, its time limit, the lead and responsible units and the 批示', () => {
    const { client } = createMockClient({});
    renderWithProviders(
      client,
      <TaskBrief
        plan={{ id: 'p1', title: '辽宁省2021年政务公开工作要点', year: 2021 }}
        keyPoint={{
          id: 'k1',
          label: '(一)',
          title: '做好政策解读',
          text: '做好政策解读。围绕重大政策开展解读，6月底前完成。',
          deadlines: [{ id: 'd1', text: '6月底前', date: '2021-06-30' }],
          units: [
            { id: 'u1', role: 'LEAD', rawName: '省发改委', unit: { id: 'x1', name: '省发展改革委' } },
            { id: 'u2', role: 'RESPONSIBLE', rawName: '省财政厅', unit: { id: 'x2', name: '省财政厅' } },
            { id: 'u3', role: 'RESPONSIBLE', rawName: '各市政府', unit: null },
          ],
          instructions: [{ id: 'i1', text: '请抓紧推进', authorName: '陈秘书长', createdAt: '2026-11-20T02:00:00Z' }],
        }}
      />,
    );
    const brief = screen.getByTestId('task-brief');
    expect(within(brief).getByText('做好政策解读。围绕重大政策开展解读，6月底前完成。')).toBeInTheDocument();
    expect(within(brief).getByText('6月底前')).toBeInTheDocument();
    expect(within(brief).getByText('省发展改革委')).toBeInTheDocument();
    expect(within(brief).getByText('省财政厅、各市政府')).toBeInTheDocument();
    expect(within(screen.getByTestId('instructions')).getByText(/请抓紧推进/)).toBeInTheDocument();
  });
});
