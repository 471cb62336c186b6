import { overdueUnitsText } from './overdue-units.js';

describe('overdueUnitsText', () => {
  it('names every unit when none is left out', () => {
    expect(overdueUnitsText(['甲市·数据局', '乙市·教育局'], 2)).toBe('甲市·数据局、乙市·教育局');
  });

  it('adds the total when more units are overdue than named', () => {
    expect(overdueUnitsText(['甲市·数据局', '乙市·教育局'], 45)).toBe('甲市·数据局、乙市·教育局 等 45 个单位');
  });
});
