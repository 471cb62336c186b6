import { resolveUnits, type UnitDirectory } from '../index.js';

const directory: UnitDirectory = {
  units: [
    { id: 'fgw', name: '省发展和改革委员会', aliases: ['省发展改革委'], kind: 'department' },
    { id: 'czt', name: '省财政厅', kind: 'department' },
    { id: 'bgt', name: '省人民政府办公厅', aliases: ['省政府办公厅'], kind: 'department' },
    { id: 'bb', name: '自治区编办', kind: 'department' },
    { id: 'fzb', name: '自治区政府法制办', kind: 'department' },
    { id: 'sy', name: '沈阳市人民政府', kind: 'city' },
    { id: 'dl', name: '大连市人民政府', kind: 'city' },
    { id: 'pd', name: '浦东新区', kind: 'district', groups: ['新区'] },
  ],
  groups: [{ name: '各新区', unitIds: ['pd'] }],
};

describe('resolveUnits', () => {
  const r = resolveUnits(
    [
      '省财政厅',
      '省发展改革委',
      '省发改委',
      '省政府办公厅',
      '自治区编办',
      '政府法制办',
      '各市政府',
      '省政府各部门',
      '各部门',
      '各单位',
      '各新区',
      '即时比分',
      '省财政局',
    ],
    directory,
  );
  const method = (name: string) => r.resolved.find((x) => x.name === name);

  it('matches exact names, aliases and short forms', () => {
    expect(method('省财政厅')).toMatchObject({ method: 'exact', unitIds: ['czt'] });
    expect(method('省发展改革委')).toMatchObject({ method: 'alias', unitIds: ['fgw'] });
    expect(method('省发改委')).toMatchObject({ method: 'abbreviation', unitIds: ['fgw'] });
    expect(method('省政府办公厅')).toMatchObject({ method: 'alias', unitIds: ['bgt'] });
  });

  it('restores a prefix elided after the first name of a list', () => {
    expect(method('政府法制办')).toMatchObject({ method: 'prefix-elided', unitIds: ['fzb'] });
  });

  it('expands group expressions to every unit of the kind', () => {
    expect(method('各市政府')).toMatchObject({ method: 'group', unitIds: ['sy', 'dl'] });
    expect(method('省政府各部门')?.unitIds).toEqual(['fgw', 'czt', 'bgt', 'bb', 'fzb']);
    expect(method('各部门')?.unitIds).toHaveLength(5);
    expect(method('各单位')?.unitIds).toHaveLength(8);
    expect(method('各新区')).toMatchObject({ method: 'group', unitIds: ['pd'] });
  });

  it('returns what it cannot resolve with the closest candidates', () => {
    expect(r.unresolved.map((u) => u.name)).toEqual(['即时比分', '省财政局']);
    expect(r.unresolved[1].candidates[0]).toMatchObject({ unitId: 'czt' });
    expect(r.unresolved[0].candidates).toEqual([]);
  });

  it('marks 有关 groups as selective and matches traditional names', () => {
    const t = resolveUnits(['省政府有關部門', '省財政廳'], directory);
    expect(t.resolved[0]).toMatchObject({ method: 'group', selective: true });
    expect(t.resolved[1]).toMatchObject({ method: 'exact', unitIds: ['czt'] });
  });
});
