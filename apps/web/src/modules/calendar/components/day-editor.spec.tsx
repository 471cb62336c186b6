import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { CalendarDayData } from '../utils/calendar-grid';
import { DayEditor, type DayEditorValues } from './day-editor';

vi.setConfig({ testTimeout: 30_000 });

function setup(day: CalendarDayData) {
  const saved: DayEditorValues[] = [];
  const cleared: string[] = [];
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <DayEditor day={day} onSave={(v) => void saved.push(v)} onClear={() => void cleared.push(day.date)} />
      </AntApp>
    </ConfigProvider>,
  );
  return { saved, cleared };
}

const saturday: CalendarDayData = {
  date: '2026-10-10',
  isWorkingDay: false,
  note: null,
  source: 'WEEKDAY_RULE',
  correctionVersion: null,
};
const corrected: CalendarDayData = {
  date: '2026-10-11',
  isWorkingDay: true,
  note: '国庆节调休上班',
  source: 'TENANT_CORRECTION',
  correctionVersion: 3,
};

describe('DayEditor', () => {
  it('proposes the opposite of the day and requires a note', async () => {
    const { saved } = setup(saturday);
    expect(screen.getByText('2026-10-10 星期六')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /上班（调休）/ })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: /保存修正/ }));
    expect(await screen.findByText('请填写说明，如“国庆节调休上班”')).toBeInTheDocument();
    expect(saved).toHaveLength(0);
    await userEvent.type(screen.getByLabelText('说明'), '国庆节调休上班');
    await userEvent.click(screen.getByRole('button', { name: /保存修正/ }));
    await waitFor(() => expect(saved).toEqual([{ workday: true, note: '国庆节调休上班' }]));
  });

  it('limits the note to 50 characters', async () => {
    const { saved } = setup(saturday);
    await userEvent.type(screen.getByLabelText('说明'), '长'.repeat(51));
    await userEvent.click(screen.getByRole('button', { name: /保存修正/ }));
    expect(await screen.findByText('说明不超过 50 个字')).toBeInTheDocument();
    expect(saved).toHaveLength(0);
  });

  it('clears a correction after confirmation', async () => {
    const { cleared } = setup(corrected);
    expect(screen.getByText('依据：本单位修正')).toBeInTheDocument();
    expect(screen.getByLabelText('说明')).toHaveValue('国庆节调休上班');
    await userEvent.click(screen.getByRole('button', { name: /清除修正/ }));
    expect(cleared).toHaveLength(0);
    await userEvent.click(await screen.findByRole('button', { name: /^清\s*除$/ }));
    await waitFor(() => expect(cleared).toEqual(['2026-10-11']));
  });

  it('offers no clearing for a day without a correction', () => {
    setup(saturday);
    expect(screen.queryByRole('button', { name: /清除修正/ })).not.toBeInTheDocument();
  });
});
