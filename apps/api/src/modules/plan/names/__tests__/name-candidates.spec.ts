import type { UnitModel } from '../../../unit/index.js';
import { nameCandidates } from '../name-candidates.js';

const unit = (id: string, name: string, kind: UnitModel['kind'] = 'DEPARTMENT', aliases: string[] = []): UnitModel => ({
  id,
  name,
  kind,
  aliases,
  parentId: null,
  active: true,
  sort: 0,
  version: 1,
});
const directory = [
  unit('office', '省政府办公厅', 'OFFICE'),
  unit('land', '省自然资源厅'),
  unit('edu', '省教育厅'),
  unit('sy', '沈阳市人民政府', 'CITY_GOV'),
  unit('dl', '大连市人民政府', 'CITY_GOV'),
];

describe('nameCandidates', () => {
  it('offers the unit a misspelt name means', () => {
    expect(nameCandidates('省自然资源局', directory).map((c) => c.unit.id)).toEqual(['land']);
    expect(nameCandidates('省教育局', directory).map((c) => c.unit.id)).toEqual(['edu']);
  });

  it('offers nothing merely similar: no 省政府办公厅 for 各州人民政府, no 沈阳 for 昆明', () => {
    expect(nameCandidates('各州人民政府', directory)).toEqual([]);
    expect(nameCandidates('各州市人民政府', directory)).toEqual([]);
    expect(nameCandidates('昆明市人民政府', directory)).toEqual([]);
  });

  it('a name the directory now holds resolves with full score', () => {
    expect(nameCandidates('省教育厅', directory)).toEqual([{ unit: directory[2], score: 1 }]);
  });
});
