import { compactUnitList } from '../unit-list.js';

describe('a unit list as the public page prints it', () => {
  const known = new Set(['省教育厅', '北昌县人民政府', '北安县人民政府', '丰阳县人民政府', '南城市人民政府']);

  it('writes a run of governments once with the suffix, as official documents do', () => {
    expect(compactUnitList(['省教育厅', '北昌县人民政府', '北安县人民政府', '丰阳县人民政府'], known)).toBe(
      '省教育厅、北昌县、北安县、丰阳县人民政府',
    );
    expect(compactUnitList(['南城市人民政府'], known)).toBe('南城市人民政府');
  });

  it('folds consecutive governments only, keeping the order the plan gave', () => {
    expect(compactUnitList(['北昌县人民政府', '省教育厅', '北安县人民政府', '丰阳县人民政府'], known)).toBe(
      '北昌县人民政府、省教育厅、北安县、丰阳县人民政府',
    );
  });

  it('leaves a government whole when its short form is itself a unit, so no name can be read two ways', () => {
    const withCounty = new Set([...known, '北昌县']);
    expect(compactUnitList(['北昌县人民政府', '北安县人民政府', '北昌县'], withCounty)).toBe(
      '北昌县人民政府、北安县人民政府、北昌县',
    );
    expect(compactUnitList(['人民政府', '北安县人民政府'], known)).toBe('人民政府、北安县人民政府');
    expect(compactUnitList([], known)).toBe('');
  });
});
