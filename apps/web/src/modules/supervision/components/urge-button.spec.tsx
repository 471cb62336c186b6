import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient } from '../../../test/mock-client';
import { renderWithProviders } from '../../../test/render-app';
import { UrgeButton } from './urge-button';

vi.setConfig({ testTimeout: 30_000 });

const urged = (v: Record<string, any>) => ({
  data: {
    urgeTask: { __typename: 'Urge', id: 'u1', taskId: v.taskId, message: v.message, createdAt: '2026-03-02T01:00:00Z' },
  },
});

// A 催办 whose answer was lost (the commit may have happened) is sent again with the same key, so
// the server answers the first urge instead of urging twice; the next opening of the dialog is a new urge.
describe('UrgeButton', () => {
  it('retries a send that got no answer with the same key, and a new 催办 with a new one', async () => {
    let answered = 0;
    const { client, calls } = createMockClient({
      MessageReach: () => ({ errors: [{ code: 'INTERNAL_SERVER_ERROR', message: '暂不可用' }] }),
      UrgeTask: (v) => {
        if (++answered === 1) throw new TypeError('Failed to fetch');
        return urged(v);
      },
    });
    renderWithProviders(client, <UrgeButton taskId="t1" unitId="fin" unitName="省财政厅" />);
    const openDialog = async () => {
      const buttons = screen.getAllByRole('button').filter((b) => /^催\s*办$/.test(b.textContent ?? ''));
      await userEvent.click(buttons[0]!);
    };
    const send = async () => {
      const dialogs = await screen.findAllByRole('dialog');
      await userEvent.click(within(dialogs.at(-1)!).getByRole('button', { name: /发出催办/ }));
    };
    await openDialog();
    await send();
    await waitFor(() => expect(answered).toBe(1));
    await send();
    expect(await screen.findByText('已向省财政厅发出催办')).toBeInTheDocument();

    await openDialog();
    await send();
    await waitFor(() => expect(answered).toBe(3));
    const keys = calls.filter((c) => c.operationName === 'UrgeTask').map((c) => c.variables.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[2]).not.toBe(keys[0]);
  });
});
