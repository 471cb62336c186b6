import { planUnitImport, type UnitState } from './unit-import.planner.js';

let seq = 0;
const newId = () => `new-${++seq}`;
const unit = (id: string, name: string, extra: Partial<UnitState> = {}): UnitState => ({
  id,
  name,
  kind: 'DEPARTMENT',
  parentId: null,
  aliases: [],
  active: true,
  sort: 0,
  ...extra,
});

describe('planUnitImport', () => {
  it('moves an existing unit under a unit created by a later row', () => {
    const plan = planUnitImport(
      [
        { row: 2, cells: { name: '老单位', parent: '新上级' } },
        { row: 3, cells: { name: '新上级', kind: '市政府' } },
      ],
      [unit('old', '老单位')],
      newId,
    );
    expect(plan.results.map((r) => r.action)).toEqual(['UPDATED', 'CREATED']);
    expect(plan.creates).toEqual([expect.objectContaining({ name: '新上级', kind: 'CITY_GOV', parentId: null })]);
    expect(plan.updates[0].after.parentId).toBe(plan.creates[0].id);
  });

  it('finds a cycle closed through an existing unit', () => {
    const existing = [unit('a', '甲'), unit('b', '乙', { parentId: 'a' })];
    const plan = planUnitImport([{ row: 2, cells: { name: '甲', parent: '乙' } }], existing, newId);
    expect(plan.results[0]).toMatchObject({ action: 'ERROR', message: '上级单位关系形成循环' });
  });

  it('lets a row take over an alias another row gives up in the same file', () => {
    const existing = [unit('a', '市统计局', { aliases: ['统计局'] })];
    const plan = planUnitImport(
      [
        { row: 2, cells: { name: '市统计局', aliases: '市统计' } },
        { row: 3, cells: { name: '统计局' } },
      ],
      existing,
      newId,
    );
    expect(plan.results.map((r) => r.action)).toEqual(['UPDATED', 'CREATED']);
  });

  it.each([
    ['县(区)政府', 'COUNTY_GOV'],
    ['县（区）政府', 'COUNTY_GOV'],
    ['乡镇（街道）', 'TOWN'],
    ['办公厅', 'OFFICE'],
  ])('reads the kind %s as %s', (word, kind) => {
    const plan = planUnitImport([{ row: 2, cells: { name: '某单位', kind: word } }], [], newId);
    expect(plan.creates[0].kind).toBe(kind);
  });
});

describe('planUnitImport matching rows to existing units', () => {
  const existing = () => [
    unit('sjj', '省数据局', { aliases: ['数据局'] }),
    unit('fgw', '省发展和改革委员会', { aliases: ['省发改委'] }),
    unit('gone', '省扶贫办'),
  ];

  it('takes a row whose aliases hold an old name as a rename, with the change field by field', () => {
    const plan = planUnitImport(
      [{ row: 3, cells: { name: '省数据和政务服务局', aliases: '省数据局、数据局' } }],
      existing(),
      newId,
    );
    expect(plan.creates).toEqual([]);
    expect(plan.updates).toEqual([
      {
        before: expect.objectContaining({ id: 'sjj' }),
        after: expect.objectContaining({ id: 'sjj', name: '省数据和政务服务局', aliases: ['省数据局', '数据局'] }),
      },
    ]);
    expect(plan.results[0]).toMatchObject({ action: 'UPDATED', message: '别名含原名称“省数据局”，按更名处理' });
    expect(plan.results[0].changes).toEqual([
      { field: '单位名称', before: '省数据局', after: '省数据和政务服务局' },
      { field: '别名', before: '数据局', after: '省数据局、数据局' },
    ]);
  });

  it('matches a row named by an alias, keeping the old name as an alias', () => {
    const plan = planUnitImport([{ row: 2, cells: { name: '省发改委' } }], existing(), newId);
    expect(plan.updates[0].after).toMatchObject({ id: 'fgw', name: '省发改委', aliases: ['省发展和改革委员会'] });
  });

  it('matches by the ID column first, and refuses an ID that is not in the directory', () => {
    const plan = planUnitImport(
      [
        { row: 2, cells: { id: 'fgw', name: '省发展改革委' } },
        { row: 3, cells: { id: 'nope', name: '新单位' } },
      ],
      existing(),
      newId,
    );
    expect(plan.results[0]).toMatchObject({ action: 'UPDATED', message: '按 ID 匹配到“省发展和改革委员会”' });
    expect(plan.results[1]).toMatchObject({ action: 'ERROR', message: expect.stringContaining('ID“nope”') });
  });

  it('lists the active units no row names; a row named by an alias of a unit another row names is a clash', () => {
    const plan = planUnitImport(
      [
        { row: 2, cells: { name: '省数据局' } },
        { row: 3, cells: { name: '数据局' } },
      ],
      existing(),
      newId,
    );
    expect(plan.results[1]).toMatchObject({ action: 'ERROR', message: '“数据局”已是单位“省数据局”的别名' });
    expect(plan.missing.map((u) => u.name)).toEqual(['省发展和改革委员会', '省扶贫办']);
  });

  it('names the real clash: a new unit whose name is another unit’s alias', () => {
    const plan = planUnitImport([{ row: 2, cells: { name: '新设局', aliases: '省发改委' } }], existing(), newId);
    expect(plan.results[0]).toMatchObject({ action: 'ERROR', message: '“省发改委”已是单位“省发展和改革委员会”的别名' });
  });

  it.each([
    ['省直部门', 'DEPARTMENT'],
    ['州政府', 'CITY_GOV'],
    ['市（州）政府', 'CITY_GOV'],
    ['中直驻省单位', 'AGENCY'],
    ['县（市、区）政府', 'COUNTY_GOV'],
  ])('reads 类型 %s as %s', (word, kind) => {
    expect(planUnitImport([{ row: 2, cells: { name: '某单位', kind: word } }], [], newId).creates[0].kind).toBe(kind);
  });
});
