import { planUnitImport, type UnitState } from './unit-import.planner.js';

let seq = 0;
const newId = () => `new-${++seq}`;
const unit = (id: string, name: string, extra: Partial<UnitState> = {}): UnitState => ({
  id, name, kind: 'DEPARTMENT', parentId: null, aliases: [], active: true, sort: 0, ...extra,
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
