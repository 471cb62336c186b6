import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { createMockClient } from '../../../test/mock-client';
import { asPhone } from '../../../test/phone-screen';
import { renderWithProviders } from '../../../test/render-app';
import { delayDateProblem, DelayRequestForm } from './delay-request-form';

vi.setConfig({ testTimeout: 30_000 });

// An overdue task: due 2026-03-31, today 2026-11-23 (the server's range).
const RANGE = { earliest: '2026-11-23', latest: '2027-11-24' };
const REQUEST_DELAY = {
  RequestDelay: () => ({
    data: {
      requestDelay: {
        __typename: 'DelayRequest',
        id: 'd1',
        version: 1,
        status: 'PENDING',
        reason: '前期手续未完成',
        currentDueDate: '2026-03-31',
        requestedDueDate: '2026-12-31',
        requestedByName: '张联络员',
        createdAt: '2026-11-23T02:00:00Z',
      },
    },
  }),
};

describe('延期申请 for an overdue task', () => {
  it('explains why a date cannot be asked for, in the API’s words', () => {
    expect(delayDateProblem(dayjs('2026-03-31'), '2026-03-31', RANGE)).toBe('申请的完成时限应晚于当前时限 2026-03-31');
    expect(delayDateProblem(dayjs('2026-06-30'), '2026-03-31', RANGE)).toBe(
      '申请的完成时限已经过去，请选择 2026-11-23 或以后的日期',
    );
    expect(delayDateProblem(dayjs('2027-12-01'), '2026-03-31', RANGE)).toBe(
      '申请的完成时限不能晚于 2027-11-24（最长延期一年）',
    );
    expect(delayDateProblem(dayjs('2026-11-23'), '2026-03-31', RANGE)).toBeNull();
  });

  it('says the task is overdue, keeps a typed past date and explains it, and sends a valid one', async () => {
    const { client, calls } = createMockClient(REQUEST_DELAY);
    const done = vi.fn();
    renderWithProviders(client, <DelayRequestForm taskId="t1" dueDate="2026-03-31" range={RANGE} onDone={done} />);
    expect(screen.getByText('任务已于 2026-03-31 到期')).toBeInTheDocument();
    expect(screen.getByText('可选 2026-11-23 至 2027-11-24')).toBeInTheDocument();
    const picker = screen.getByLabelText('申请延期至');
    await userEvent.type(picker, '2026-06-30{enter}');
    await userEvent.type(screen.getByLabelText('延期理由'), '前期手续未完成');
    await userEvent.click(screen.getByRole('button', { name: /提交申请/ }));
    expect(await screen.findByText('申请的完成时限已经过去，请选择 2026-11-23 或以后的日期')).toBeInTheDocument();
    expect(picker).toHaveValue('2026-06-30');
    expect(calls.filter((c) => c.operationName === 'RequestDelay')).toHaveLength(0);
    await userEvent.clear(picker);
    await userEvent.type(picker, '2026-12-31{enter}');
    await userEvent.click(screen.getByRole('button', { name: /提交申请/ }));
    await waitFor(() =>
      expect(calls.find((c) => c.operationName === 'RequestDelay')?.variables).toEqual({
        taskId: 't1',
        input: { requestedDueDate: '2026-12-31', reason: '前期手续未完成' },
      }),
    );
  });
});

describe('延期申请 on a phone', () => {
  it('takes the date from the phone’s own date input, limited to the dates that can be asked for', async () => {
    const restore = asPhone();
    try {
      const { client, calls } = createMockClient(REQUEST_DELAY);
      renderWithProviders(
        client,
        <DelayRequestForm taskId="t1" dueDate="2026-03-31" range={RANGE} onDone={() => undefined} />,
      );
      const date = screen.getByLabelText('申请延期至');
      expect(date).toHaveAttribute('type', 'date');
      expect(date).toHaveAttribute('min', '2026-11-23');
      expect(date).toHaveAttribute('max', '2027-11-24');
      await userEvent.type(date, '2026-12-31');
      await userEvent.type(screen.getByLabelText('延期理由'), '前期手续未完成');
      await userEvent.click(screen.getByRole('button', { name: /提交申请/ }));
      await waitFor(() =>
        expect(calls.find((c) => c.operationName === 'RequestDelay')?.variables).toEqual({
          taskId: 't1',
          input: { requestedDueDate: '2026-12-31', reason: '前期手续未完成' },
        }),
      );
    } finally {
      restore();
    }
  });
});
