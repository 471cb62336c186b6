import { overdueUnitNames, overdueUnitsText } from './overdue-units.js';

describe('overdueUnitsText', () => {
  it('names every unit when none is left out', () => {
    expect(overdueUnitsText(['甲市·数据局', '乙市·教育局'], 2)).toBe('甲市·数据局、乙市·教育局');
  });

  it('adds the total when more units are overdue than named', () => {
    expect(overdueUnitsText(['甲市·数据局', '乙市·教育局'], 45)).toBe('甲市·数据局、乙市·教育局 等 45 个单位');
  });
});

describe('overdueUnitNames', () => {
  const task = (unitName: string, overdue: boolean) => ({ unitName, overdue });

  it('names each unit with an overdue task once, with its lower office, in code point order', () => {
    expect(
      overdueUnitNames([
        { lowerTenantName: '乙市', tasks: [task('教育局', true), task('数据局', false)] },
        { lowerTenantName: '甲市', tasks: [task('数据局', true), task('数据局', true), task('财政局', false)] },
        // A second key point of the same lower office: its units are not named twice.
        { lowerTenantName: '甲市', tasks: [task('数据局', true)] },
      ]),
    ).toEqual(['乙市·教育局', '甲市·数据局']);
  });

  it('names nobody when nothing is overdue', () => {
    expect(overdueUnitNames([{ lowerTenantName: '甲市', tasks: [task('数据局', false)] }])).toEqual([]);
  });
});
