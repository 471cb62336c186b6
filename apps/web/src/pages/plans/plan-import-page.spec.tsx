import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PlanChoice, PlanSource } from '../../modules/plans/utils/import-plan-source';
import { UploadError } from '../../modules/uploads/utils/multipart';
import { createMockClient } from '../../test/mock-client';
import { renderWithProviders } from '../../test/render-app';
import PlanImportPage from './plan-import-page';

vi.setConfig({ testTimeout: 30_000 });

const TEXT = '一、加强政策解读\n做好政策解读工作。';
const imported = { id: 'p2', title: '工作安排', year: 2026 };

// The wizard talks to POST /imports/plan and /imports/plan/choices; each case answers them like the API does.
interface Upload {
  url: string;
  source: PlanSource;
  year: number | null;
  planIndex?: number | null;
  allowDuplicate?: boolean;
  idempotencyKey?: string;
}
const calls: Upload[] = [];
let answer: (call: Upload) => typeof imported = () => imported;
vi.mock('../../modules/plans/utils/import-plan-source', async (original) => ({
  ...(await original<object>()),
  importPlanSource: async (
    source: PlanSource,
    year: number | null,
    planIndex: number | null = null,
    allowDuplicate = false,
    idempotencyKey?: string,
  ) => {
    const call = { url: '/imports/plan', source, year, planIndex, allowDuplicate, idempotencyKey };
    calls.push(call);
    return answer(call);
  },
  planImportChoices: async (source: PlanSource, year: number | null): Promise<PlanChoice[]> => {
    calls.push({ url: '/imports/plan/choices', source, year });
    return [
      { index: 0, title: '某市2023年政务管理服务工作要点', year: 2023, keyPoints: 4, impliedUnits: 0 },
      { index: 1, title: '某市2023年政务公开工作要点', year: 2023, keyPoints: 12, impliedUnits: 6 },
    ];
  },
}));

beforeEach(() => {
  calls.length = 0;
});

async function paste(respond: (call: Upload) => typeof imported) {
  answer = respond;
  const { client } = createMockClient({});
  renderWithProviders(client, <PlanImportPage />, '/plans/import');
  await userEvent.click(screen.getByRole('tab', { name: '粘贴文本' }));
  await userEvent.click(screen.getByLabelText('工作要点全文'));
  await userEvent.paste(TEXT);
  await userEvent.click(screen.getByRole('button', { name: /解析并生成草稿/ }));
}

describe('PlanImportPage', () => {
  it('asks for the year at the year field when the document has none, then imports with it', async () => {
    await paste((c) => {
      if (c.year == null) throw new UploadError('文件中没有写明年度，请填写计划年度后继续', 'BAD_USER_INPUT', 'year');
      return imported;
    });
    const year = screen.getByRole('spinbutton', { name: '年度' });
    expect(await screen.findByText('文件中没有写明年度，请填写计划年度后继续')).toBeInTheDocument();
    expect(year.closest('.ant-form-item')).toHaveClass('ant-form-item-has-error');
    expect(screen.queryByText(/--year/)).not.toBeInTheDocument();
    await userEvent.type(year, '2026');
    await userEvent.click(screen.getByRole('button', { name: /解析并生成草稿/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/plans/p2'));
    expect(calls.map((c) => c.year)).toEqual([null, 2026]);
  });

  it('points to the plan a document was imported as before, and imports it again only when asked', async () => {
    await paste((c) => {
      if (c.allowDuplicate) return imported;
      throw new UploadError(
        '文号“云政办发〔2026〕8号”已导入过：《云南省2026年政务公开工作要点》（已发布）',
        'CONFLICT',
        undefined,
        {
          duplicatePlanId: 'p1',
          duplicatePlanTitle: '云南省2026年政务公开工作要点',
        },
      );
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('文号“云政办发〔2026〕8号”已导入过');
    expect(within(alert).getByRole('link')).toHaveAttribute('href', '/plans/p1');
    expect(screen.getByTestId('location')).toHaveTextContent('/plans/import');
    await userEvent.click(within(alert).getByRole('button', { name: '仍然导入为新草稿' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/plans/p2'));
    expect(calls.map((c) => c.allowDuplicate)).toEqual([false, true]);
  });

  it('retries an import that got no answer with the same key; an edited text is a new import with a new key', async () => {
    const lost = '网络连接中断，请检查网络后重试';
    await paste(() => {
      if (calls.length <= 2) throw new UploadError(lost, 'INTERNAL_SERVER_ERROR');
      return imported;
    });
    expect(await screen.findByText(lost)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /解析并生成草稿/ }));
    await waitFor(() => expect(calls).toHaveLength(2));
    await userEvent.type(screen.getByLabelText('工作要点全文'), '（修订）');
    await userEvent.click(screen.getByRole('button', { name: /解析并生成草稿/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/plans/p2'));
    const [first, retry, edited] = calls.map((c) => c.idempotencyKey);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(retry).toBe(first);
    expect(edited).toMatch(/^[0-9a-f]{32}$/);
    expect(edited).not.toBe(first);
  });

  it('starts an empty plan from the same page', async () => {
    const { client, calls: gql } = createMockClient({
      CreatePlan: () => ({ data: { createPlan: { __typename: 'Plan', id: 'p3', version: 1 } } }),
    });
    renderWithProviders(client, <PlanImportPage />, '/plans/import');
    await userEvent.click(screen.getByRole('button', { name: /新建空白计划/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('标题'), '2026年政务公开工作安排');
    await userEvent.type(within(dialog).getByLabelText('文号'), '某局办发〔2026〕5号');
    await userEvent.click(within(dialog).getByRole('button', { name: /新\s*建/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/plans/p3'));
    expect(gql[0].variables.input).toEqual({
      title: '2026年政务公开工作安排',
      year: new Date().getFullYear(),
      docNumber: '某局办发〔2026〕5号',
      issuer: null,
      allowDuplicate: false,
    });
    expect(calls).toEqual([]);
  });

  it('a notice with two plans: lists them, and imports the one the office picks', async () => {
    await paste((c) => {
      if (c.planIndex == null)
        throw new UploadError(
          '这份通知印发了 2 个计划：1.《甲要点》 2.《乙要点》，请选择要导入的一个',
          'BAD_USER_INPUT',
          'planIndex',
        );
      return imported;
    });
    expect(
      await screen.findByText('这份通知印发了 2 个计划，请选择要导入的一个（其余的可以再次导入）'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/《某市2023年政务公开工作要点》（2023年）：12 项工作要点，6 个承办单位来自通用规定/u),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByText('导入所选计划'));
    expect(await screen.findByText('请选择要导入的计划')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: /某市2023年政务公开工作要点/u }));
    await userEvent.click(screen.getByText('导入所选计划'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/plans/p2'));
    expect(calls.map((c) => [c.url, c.source, c.planIndex])).toEqual([
      ['/imports/plan', { text: TEXT }, null],
      ['/imports/plan/choices', { text: TEXT }, undefined],
      ['/imports/plan', { text: TEXT }, 1],
    ]);
  });
});
