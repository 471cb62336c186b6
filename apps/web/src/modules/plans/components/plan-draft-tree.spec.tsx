import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { buildTree, draftProblems, type DraftKeyPoint, type DraftSection } from '../utils/draft-types';
import { PlanDraftTree, type PlanDraftTreeActions } from './plan-draft-tree';

const sections: DraftSection[] = [
  { id: 's1', label: '一', title: '围绕优化营商环境加强信息公开' },
  { id: 's2', label: '二', title: '围绕保障改善民生加强信息公开' },
];

const kp = (over: Partial<DraftKeyPoint>): DraftKeyPoint => ({
  id: 'k',
  version: 1,
  label: '1.',
  title: '标题',
  text: '正文',
  sectionId: 's1',
  parentId: null,
  dueDate: null,
  deadlines: [],
  units: [],
  ...over,
});

const keyPoints: DraftKeyPoint[] = [
  kp({
    id: 'k1',
    label: '(一)',
    title: '推进“放管服”改革信息公开',
    dueDate: '2021-06-30',
    deadlines: [{ id: 'd1', text: '6月底前', date: '2021-06-30' }],
    units: [
      { id: 'u1', role: 'LEAD', rawName: '省发改委', resolution: 'RESOLVED', unit: { id: 'unit-fgw', name: '省发展改革委' }, candidates: [] },
      {
        id: 'u2',
        role: 'RESPONSIBLE',
        rawName: '省营商环境局',
        resolution: 'UNRESOLVED',
        unit: null,
        candidates: [
          { score: 0.8, unit: { id: 'unit-ys', name: '省营商局' } },
          { score: 0.4, unit: { id: 'unit-sj', name: '省市场监管局' } },
        ],
      },
      { id: 'u3', role: 'RESPONSIBLE', rawName: '省大数据中心', resolution: 'UNRESOLVED', unit: null, candidates: [] },
      {
        id: 'u4',
        role: 'RESPONSIBLE',
        rawName: '各市政府',
        resolution: 'RESOLVED',
        unit: { id: 'unit-sy', name: '沈阳市人民政府' },
        candidates: [],
        impliedFrom: '各市政府均为责任单位，以下不再列出',
      },
    ],
  }),
  kp({ id: 'k2', label: '(二)', title: '做好财政信息公开', sectionId: 's2', units: [] }),
  kp({ id: 'k2a', label: '1.', title: '预决算公开', sectionId: 's2', parentId: 'k2', deadlines: [{ id: 'd2', text: '20个工作日内', date: null }] }),
];

function setup(readOnly = false) {
  const calls: [string, ...unknown[]][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push([name, ...args]);
  const actions: PlanDraftTreeActions = {
    onSelect: record('select'),
    onResolveUnit: record('resolve'),
    onPickUnit: record('pick'),
    onRemoveUnit: record('remove'),
    onDueDate: record('due'),
    onDeadlineDate: record('deadline'),
    onEdit: record('edit'),
  };
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <PlanDraftTree year={2021} sections={sections} keyPoints={keyPoints} readOnly={readOnly} {...actions} />
      </AntApp>
    </ConfigProvider>,
  );
  return calls;
}

describe('buildTree / draftProblems', () => {
  it('nests sub-items under their item inside the right section', () => {
    const tree = buildTree(sections, keyPoints);
    expect(tree.map((s) => s.section?.label)).toEqual(['一', '二']);
    expect(tree[1].items[0].keyPoint.id).toBe('k2');
    expect(tree[1].items[0].children.map((c) => c.keyPoint.id)).toEqual(['k2a']);
  });

  it('counts names to resolve and leaf items without units (a parent item needs none)', () => {
    expect(draftProblems(keyPoints)).toEqual({ unresolved: 2, withoutUnits: 1 });
  });
});

describe('PlanDraftTree', () => {
  it('shows units as resolved, ambiguous and unresolved tags, with the written name behind a renamed unit', async () => {
    setup();
    const item = screen.getByRole('treeitem', { name: /推进“放管服”改革信息公开/ });
    expect(within(item).getByText('牵头·省发展改革委').closest('[data-state]')).toHaveAttribute('data-state', 'resolved');
    expect(within(item).getByRole('button', { name: /待确认：省营商环境局/ })).toHaveAttribute('data-state', 'ambiguous');
    expect(within(item).getByRole('button', { name: /未识别：省大数据中心/ })).toHaveAttribute('data-state', 'unresolved');
    expect(screen.getByText('未指定承办单位')).toBeInTheDocument();
  });

  it('marks a unit the document names once for many key points, with the clause on hover', async () => {
    setup();
    const item = screen.getByRole('treeitem', { name: /推进“放管服”改革信息公开/ });
    const tag = within(item).getByText('（通用）');
    expect(tag.closest('[data-state]')).toHaveTextContent('责任·沈阳市人民政府（通用）');
    expect(within(item).getByText('牵头·省发展改革委').querySelector('[data-implied]')).toBeNull();
    await userEvent.hover(tag);
    expect(await screen.findByText(/通用规定：各市政府均为责任单位，以下不再列出/u)).toBeInTheDocument();
  });

  it('resolves an ambiguous name by picking a candidate, or opens the directory', async () => {
    const calls = setup();
    await userEvent.click(screen.getByRole('button', { name: /待确认：省营商环境局/ }));
    await userEvent.click(await screen.findByText('省营商局（相似度 80%）'));
    expect(calls).toContainEqual(['resolve', expect.objectContaining({ id: 'k1' }), expect.objectContaining({ id: 'u2' }), 'unit-ys']);
    await userEvent.click(screen.getByRole('button', { name: /未识别：省大数据中心/ }));
    const picks = await screen.findAllByText('从单位名录选择或新建单位…');
    await userEvent.click(picks[picks.length - 1]);
    expect(calls).toContainEqual(['pick', expect.objectContaining({ id: 'k1' }), expect.objectContaining({ id: 'u3' })]);
  });

  it('shows each time limit as written next to its date, and the year-end default when no date is set', () => {
    setup();
    expect(screen.getByText('「6月底前」')).toBeInTheDocument();
    expect(screen.getByLabelText('时限“6月底前”对应日期')).toHaveValue('2021-06-30');
    expect(screen.getByText('「20个工作日内」')).toBeInTheDocument();
    expect(screen.getByLabelText('时限“20个工作日内”对应日期')).toHaveAttribute('placeholder', '非固定日期');
    expect(screen.getByLabelText('要点 1. 截止日期')).toHaveAttribute('placeholder', '2021-12-31（默认）');
  });

  it('removes a resolved unit and selects a key point (to show its source text)', async () => {
    const calls = setup();
    await userEvent.click(screen.getByLabelText('移除省发展改革委'));
    expect(calls).toContainEqual(['remove', expect.objectContaining({ id: 'k1' }), expect.objectContaining({ id: 'u1' })]);
    await userEvent.click(screen.getByText('做好财政信息公开'));
    expect(calls).toContainEqual(['select', expect.objectContaining({ id: 'k2' })]);
  });

  it('offers no editing once published', () => {
    setup(true);
    expect(screen.queryByRole('button', { name: /添加单位/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('移除省发展改革委')).not.toBeInTheDocument();
    expect(screen.getByLabelText('要点 1. 截止日期')).toBeDisabled();
  });
});
