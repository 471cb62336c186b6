import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { UploadError } from '../../modules/uploads/utils/multipart';
import type { PlanChoice, PlanSource } from '../../modules/plans/utils/import-plan-source';
import PlanImportPage from './plan-import-page';

const TEXT = '某市人民政府办公室关于印发《甲要点》和《乙要点》的通知';

// The wizard talks to POST /imports/plan and /imports/plan/choices; here they answer like the API does.
const calls: { url: string; source: PlanSource; year: number | null; planIndex?: number | null }[] = [];
vi.mock('../../modules/plans/utils/import-plan-source', async (original) => ({
  ...(await original<object>()),
  importPlanSource: async (source: PlanSource, year: number | null, planIndex: number | null = null) => {
    calls.push({ url: '/imports/plan', source, year, planIndex });
    if (planIndex == null) throw new UploadError('这份通知印发了 2 个计划：1.《甲要点》 2.《乙要点》，请选择要导入的一个', 'BAD_USER_INPUT', 'planIndex');
    return { id: 'plan-2', title: '某市2023年政务公开工作要点', year: 2023 };
  },
  planImportChoices: async (source: PlanSource, year: number | null): Promise<PlanChoice[]> => {
    calls.push({ url: '/imports/plan/choices', source, year });
    return [
      { index: 0, title: '某市2023年政务管理服务工作要点', year: 2023, keyPoints: 4, impliedUnits: 0 },
      { index: 1, title: '某市2023年政务公开工作要点', year: 2023, keyPoints: 12, impliedUnits: 6 },
    ];
  },
}));

describe('PlanImportPage', () => {
  it('a notice with two plans: lists them, and imports the one the office picks', async () => {
    render(
      <MemoryRouter initialEntries={['/plans/import']}>
        <Routes>
          <Route path="/plans/import" element={<PlanImportPage />} />
          <Route path="/plans/:id" element={<p>草稿页</p>} />
        </Routes>
      </MemoryRouter>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: '粘贴文本' }));
    await user.click(screen.getByLabelText('工作要点全文'));
    await user.paste(TEXT);
    await user.click(screen.getByRole('button', { name: '解析并生成草稿' }));

    expect(await screen.findByText('这份通知印发了 2 个计划，请选择要导入的一个（其余的可以再次导入）')).toBeInTheDocument();
    expect(screen.getByText(/《某市2023年政务公开工作要点》（2023年）：12 项工作要点，6 个承办单位来自通用规定/u)).toBeInTheDocument();
    await user.click(screen.getByText('导入所选计划'));
    expect(await screen.findByText('请选择要导入的计划')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /某市2023年政务公开工作要点/u }));
    await user.click(screen.getByText('导入所选计划'));
    expect(await screen.findByText('草稿页')).toBeInTheDocument();
    expect(calls).toEqual([
      { url: '/imports/plan', source: { text: TEXT }, year: null, planIndex: null },
      { url: '/imports/plan/choices', source: { text: TEXT }, year: null },
      { url: '/imports/plan', source: { text: TEXT }, year: null, planIndex: 1 },
    ]);
  });
});
