import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { buildTree, draftProblems, sameUnitName, type DraftKeyPoint, type DraftSection } from '../utils/draft-types';
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
      {
        id: 'u1',
        role: 'LEAD',
        rawName: '省发改委',
        resolution: 'RESOLVED',
        unit: { id: 'unit-fgw', name: '省发展改革委' },
        candidates: [],
      },
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
  kp({
    id: 'k2a',
    label: '1.',
    title: '预决算公开',
    sectionId: 's2',
    parentId: 'k2',
    deadlines: [{ id: 'd2', text: '20个工作日内', date: null }],
  }),
];

function setup(readOnly = false, props: Partial<{ keyPoints: DraftKeyPoint[]; sections: DraftSection[] }> = {}) {
  const calls: [string, ...unknown[]][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push([name, ...args]);
  const actions: PlanDraftTreeActions = {
    onSelect: record('select'),
    onResolveName: record('resolveName'),
    onSetRole: record('role'),
    onAddUnit: record('addUnit'),
    onRemoveUnit: record('remove'),
    onDueDate: record('due'),
    onDeadlineDate: record('deadline'),
    onAddDeadline: async (...args) => void record('addDeadline')(...args),
    onRemoveDeadline: record('removeDeadline'),
    onEdit: record('edit'),
    onDelete: record('delete'),
    onAddKeyPoint: record('addKeyPoint'),
    onDeleteSection: record('deleteSection'),
  };
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <PlanDraftTree
          year={2021}
          defaultDueDate="2021-12-25"
          sections={props.sections ?? sections}
          keyPoints={props.keyPoints ?? keyPoints}
          readOnly={readOnly}
          emptyHint="还没有工作要点"
          {...actions}
        />
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

  it('knows one unit name in its full- and half-width spellings', () => {
    expect(sameUnitName('省营商局（大数据局）', '省营商局(大数据局)')).toBe(true);
    expect(sameUnitName('省直 有关部门', '省直有关部门')).toBe(true);
    expect(sameUnitName('省发改委', '省发展改革委')).toBe(false);
  });

  it('counts names to resolve and leaf items without units (a parent item needs none)', () => {
    expect(draftProblems(keyPoints)).toEqual({ unresolved: 2, withoutUnits: 1 });
  });
});

describe('PlanDraftTree', () => {
  it('shows units as resolved, ambiguous and unresolved tags, with the written name behind a renamed unit', async () => {
    setup();
    const item = screen.getByRole('treeitem', { name: /推进“放管服”改革信息公开/ });
    expect(within(item).getByText('牵头·省发展改革委').closest('[data-state]')).toHaveAttribute(
      'data-state',
      'resolved',
    );
    expect(within(item).getByRole('button', { name: /待确认：省营商环境局/ })).toHaveAttribute(
      'data-state',
      'ambiguous',
    );
    expect(within(item).getByRole('button', { name: /未识别：省大数据中心/ })).toHaveAttribute(
      'data-state',
      'unresolved',
    );
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

  it('sends an unresolved name to be decided once for the whole draft, whatever tag is clicked', async () => {
    const calls = setup();
    await userEvent.click(screen.getByRole('button', { name: /待确认：省营商环境局/ }));
    await userEvent.click(screen.getByRole('button', { name: /未识别：省大数据中心/ }));
    expect(calls.filter((c) => c[0] === 'resolveName')).toEqual([
      ['resolveName', '省营商环境局'],
      ['resolveName', '省大数据中心'],
    ]);
  });

  it('changes the role of a resolved unit on this key point only', async () => {
    const calls = setup();
    await userEvent.click(screen.getByText('牵头·省发展改革委'));
    await userEvent.click(await screen.findByText('改为责任单位'));
    expect(calls).toContainEqual([
      'role',
      expect.objectContaining({ id: 'k1' }),
      expect.objectContaining({ id: 'u1' }),
      'RESPONSIBLE',
    ]);
  });

  it('adds and removes time limits, deletes a key point, adds one to a section and removes a section', async () => {
    const calls = setup();
    await userEvent.click(screen.getByRole('button', { name: '删除时限“6月底前”' }));
    expect(calls).toContainEqual([
      'removeDeadline',
      expect.objectContaining({ id: 'k1' }),
      expect.objectContaining({ id: 'd1' }),
    ]);
    await userEvent.click(screen.getByRole('button', { name: '为要点 (一) 添加时限' }));
    await userEvent.type(await screen.findByLabelText('时限（原文写法）'), '9月底前');
    await userEvent.click(screen.getByRole('button', { name: '添 加' }));
    await waitFor(() =>
      expect(calls).toContainEqual([
        'addDeadline',
        expect.objectContaining({ id: 'k1' }),
        { text: '9月底前', date: null },
      ]),
    );
    await userEvent.click(screen.getByRole('button', { name: '删除要点 (一)' }));
    expect(calls).toContainEqual(['delete', expect.objectContaining({ id: 'k1' })]);
    await userEvent.click(screen.getByRole('button', { name: '在“二、围绕保障改善民生加强信息公开”中添加要点' }));
    expect(calls).toContainEqual(['addKeyPoint', 's2']);
    await userEvent.click(screen.getByRole('button', { name: '删除部分“一、围绕优化营商环境加强信息公开”' }));
    expect(calls).toContainEqual(['deleteSection', sections[0]]);
  });

  it('keeps sections, and says how to go on, when no key point was found', () => {
    setup(false, { keyPoints: [] });
    expect(screen.getByRole('treeitem', { name: '一、围绕优化营商环境加强信息公开' })).toBeInTheDocument();
    expect(screen.getByText('还没有工作要点')).toBeInTheDocument();
  });

  it('shows each time limit as written next to its date, and the year-end default when no date is set', () => {
    setup();
    expect(screen.getByText('「6月底前」')).toBeInTheDocument();
    expect(screen.getByLabelText('时限“6月底前”对应日期')).toHaveValue('2021-06-30');
    expect(screen.getByText('「20个工作日内」')).toBeInTheDocument();
    expect(screen.getByLabelText('时限“20个工作日内”对应日期')).toHaveAttribute('placeholder', '非固定日期');
    // The tenant's default day, not a hard-coded 12-31.
    expect(screen.getByLabelText('要点 1. 截止日期')).toHaveAttribute('placeholder', '2021-12-25（默认）');
  });

  it('removes a resolved unit and selects a key point (to show its source text)', async () => {
    const calls = setup();
    await userEvent.click(screen.getByLabelText('移除省发展改革委'));
    expect(calls).toContainEqual([
      'remove',
      expect.objectContaining({ id: 'k1' }),
      expect.objectContaining({ id: 'u1' }),
    ]);
    await userEvent.click(screen.getByText('做好财政信息公开'));
    expect(calls).toContainEqual(['select', expect.objectContaining({ id: 'k2' })]);
  });

  it('offers no editing once published', () => {
    setup(true);
    expect(screen.queryByRole('button', { name: /添加单位/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /删除要点|添加时限|添加要点/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('移除省发展改革委')).not.toBeInTheDocument();
    expect(screen.getByLabelText('要点 1. 截止日期')).toBeDisabled();
  });
});
