import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ImportPlanMutation } from '../../modules/plans/graphql/import-plan.mutation';
import { PlanImportChoicesMutation } from '../../modules/plans/graphql/plan-import-choices.mutation';
import PlanImportPage from './plan-import-page';

const TEXT = '某市人民政府办公室关于印发《甲要点》和《乙要点》的通知';
const input = { text: TEXT, year: null };

const mocks = [
  {
    request: { query: ImportPlanMutation, variables: { input: { ...input, planIndex: null } } },
    result: { errors: [new GraphQLError('这份通知印发了 2 个计划：1.《甲要点》 2.《乙要点》，请选择要导入的一个', { extensions: { code: 'BAD_USER_INPUT', field: 'planIndex' } })] },
  },
  {
    request: { query: PlanImportChoicesMutation, variables: { input } },
    result: {
      data: {
        planImportChoices: [
          { __typename: 'PlanImportChoice', index: 0, title: '某市2023年政务管理服务工作要点', year: 2023, keyPoints: 4, impliedUnits: 0 },
          { __typename: 'PlanImportChoice', index: 1, title: '某市2023年政务公开工作要点', year: 2023, keyPoints: 12, impliedUnits: 6 },
        ],
      },
    },
  },
  {
    request: { query: ImportPlanMutation, variables: { input: { ...input, planIndex: 1 } } },
    result: { data: { importPlan: { __typename: 'Plan', id: 'plan-2', title: '某市2023年政务公开工作要点', year: 2023, status: 'DRAFT', version: 1 } } },
  },
];

describe('PlanImportPage', () => {
  it('a notice with two plans: lists them, and imports the one the office picks', async () => {
    render(
      <MockedProvider mocks={mocks}>
        <MemoryRouter initialEntries={['/plans/import']}>
          <Routes>
            <Route path="/plans/import" element={<PlanImportPage />} />
            <Route path="/plans/:id" element={<p>草稿页</p>} />
          </Routes>
        </MemoryRouter>
      </MockedProvider>,
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
  });
});
