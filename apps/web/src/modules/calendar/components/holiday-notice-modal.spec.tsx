import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient, gqlError } from '../../../test/mock-client';
import { renderWithProviders } from '../../../test/render-app';
import { HolidayNoticeModal } from './holiday-notice-modal';

vi.setConfig({ testTimeout: 30_000 });

const reading = (saved: boolean) => ({
  data: {
    importHolidayNotice: {
      __typename: 'HolidayNoticeReading',
      year: 2027,
      saved,
      warnings: ['劳动节：通知写“共4天”，日期范围是 5 天，请核对'],
      days: [
        { __typename: 'HolidayNoticeDay', date: '2027-02-06', workday: false, note: '春节', changes: false },
        { __typename: 'HolidayNoticeDay', date: '2027-02-08', workday: false, note: '春节', changes: true },
        { __typename: 'HolidayNoticeDay', date: '2027-02-14', workday: true, note: '春节调休上班', changes: true },
      ],
    },
  },
});

describe('HolidayNoticeModal', () => {
  it('previews the pasted notice, then saves it for the year it names', async () => {
    const { client, calls } = createMockClient({ ImportHolidayNotice: (v) => reading(!v.input.dryRun) });
    const closed: (number | undefined)[] = [];
    renderWithProviders(client, <HolidayNoticeModal open year={2026} onClose={(y) => closed.push(y)} />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('放假通知全文'), '国务院办公厅关于2027年部分节假日安排的通知');
    await userEvent.click(within(dialog).getByRole('button', { name: /预\s*览/ }));
    expect(
      await within(dialog).findByText('2027年：放假 2 天，调休上班 1 天（2 天与当前日历不同）'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('劳动节：通知写“共4天”，日期范围是 5 天，请核对')).toBeInTheDocument();
    expect(within(dialog).getAllByText('将修改日历')).toHaveLength(2);
    await userEvent.click(within(dialog).getByRole('button', { name: /保存2027年放假安排/ }));
    await vi.waitFor(() => expect(closed).toEqual([2027]));
    expect(calls.filter((c) => c.operationName === 'ImportHolidayNotice').map((c) => c.variables.input.dryRun)).toEqual(
      [true, false],
    );
  });

  it('keeps a notice it cannot read in the dialog with the reason', async () => {
    const { client } = createMockClient({
      ImportHolidayNotice: () =>
        gqlError('BAD_USER_INPUT', '没有读到放假安排：请粘贴通知中“一、元旦：……”起的各条', 'text'),
    });
    renderWithProviders(client, <HolidayNoticeModal open year={2026} onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('放假通知全文'), '随便一段话');
    await userEvent.click(within(dialog).getByRole('button', { name: /预\s*览/ }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('没有读到放假安排');
    expect(within(dialog).getByRole('button', { name: /保存/ })).toBeDisabled();
  });
});
