import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { VerdictForm, type VerdictFormValues } from './verdict-form';

const TODAY = dayjs('2026-11-23');
vi.setConfig({ testTimeout: 30_000 });

function setup(initial?: Parameters<typeof VerdictForm>[0]['initial']) {
  const submitted: VerdictFormValues[] = [];
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <VerdictForm initial={initial} today={TODAY} onSubmit={(v) => void submitted.push(v)} />
      </AntApp>
    </ConfigProvider>,
  );
  return submitted;
}

const save = () => userEvent.click(screen.getByRole('button', { name: /保存评定/ }));
const pick = (label: string) => userEvent.click(screen.getByText(label));

async function typeDate(value: string) {
  const input = screen.getByLabelText('整改时限');
  await userEvent.click(input);
  await userEvent.type(input, `${value}{Enter}`);
}

describe('VerdictForm', () => {
  it('requires a verdict', async () => {
    const submitted = setup();
    await save();
    expect(await screen.findByText('请选择评定结果')).toBeInTheDocument();
    expect(submitted).toHaveLength(0);
  });

  it('落实到位 needs no rectification and submits notes and evidence URLs', async () => {
    const submitted = setup();
    await pick('落实到位');
    expect(screen.queryByLabelText('整改时限')).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('评定说明'), '已在门户网站专栏公开');
    await userEvent.click(screen.getByRole('button', { name: /添加网址/ }));
    await userEvent.type(screen.getByLabelText('佐证网址 1'), 'https://www.ln.gov.cn/zwgk/a.html');
    await save();
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0]).toEqual({
      verdict: 'IMPLEMENTED',
      notes: '已在门户网站专栏公开',
      evidenceUrls: ['https://www.ln.gov.cn/zwgk/a.html'],
      rectification: null,
    });
  });

  it('未落实 requires 整改时限 and 整改要求', async () => {
    const submitted = setup();
    await pick('未落实');
    expect(screen.getByText(/将生成整改任务/)).toBeInTheDocument();
    await save();
    expect(await screen.findByText('请选择整改时限')).toBeInTheDocument();
    expect(screen.getByText('请填写整改要求')).toBeInTheDocument();
    expect(submitted).toHaveLength(0);
  });

  it('部分落实 refuses a 整改时限 that is not after today, then submits the rectification', async () => {
    const submitted = setup();
    await pick('部分落实');
    await typeDate('2026-11-23');
    await userEvent.type(screen.getByLabelText('整改要求'), '补充公开年度执行情况');
    await save();
    // Today itself is disabled in the picker: the typed value is refused, so the date stays required.
    expect(await screen.findByText(/请选择整改时限|整改时限应晚于今天/)).toBeInTheDocument();
    expect(submitted).toHaveLength(0);
    // Enter in the picker submits the form like the button does.
    await typeDate('2027-03-31');
    await waitFor(() => expect(submitted.length).toBeGreaterThan(0));
    for (const s of submitted) expect(s.rectification?.dueDate).toBe('2027-03-31');
    expect(submitted[0]).toMatchObject({
      verdict: 'PARTIAL',
      rectification: { dueDate: '2027-03-31', requirement: '补充公开年度执行情况' },
    });
  });

  it('refuses malformed and duplicate evidence URLs', async () => {
    const submitted = setup();
    await pick('不适用');
    const add = () => userEvent.click(screen.getByRole('button', { name: /添加网址/ }));
    await add();
    await userEvent.type(screen.getByLabelText('佐证网址 1'), 'ftp://x');
    expect(await screen.findByText('网址格式不正确，应以 http:// 或 https:// 开头')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('佐证网址 1'));
    await userEvent.type(screen.getByLabelText('佐证网址 1'), 'https://a.gov.cn/1');
    await add();
    await userEvent.type(await screen.findByLabelText('佐证网址 2'), 'https://a.gov.cn/1');
    await save();
    expect(await screen.findByText('网址重复：https://a.gov.cn/1')).toBeInTheDocument();
    expect(submitted).toHaveLength(0);
  });

  it('starts from a recorded verdict', () => {
    setup({ verdict: 'NOT_IMPLEMENTED', notes: '未见公开', requirement: '限期公开', dueDate: '2027-01-31' });
    expect(screen.getByRole('radio', { name: '未落实' })).toBeChecked();
    expect(screen.getByLabelText('整改要求')).toHaveValue('限期公开');
    expect(within(screen.getByRole('form')).getByLabelText('评定说明')).toHaveValue('未见公开');
  });
});
