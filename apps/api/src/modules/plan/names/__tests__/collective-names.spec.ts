import { collectiveKind } from '../collective-names.js';
import { unitNameKey } from '../unit-name-key.js';

describe('collectiveKind: a collective name → the kind of units it stands for', () => {
  it.each([
    ['省直有关部门', 'DEPARTMENT'],
    ['省直各部门', 'DEPARTMENT'],
    ['省直有关单位', 'DEPARTMENT'],
    ['省政府各部门', 'DEPARTMENT'],
    ['各有关部门', 'DEPARTMENT'],
    ['市直各委办局', 'DEPARTMENT'],
    ['各州市人民政府', 'CITY_GOV'],
    ['各州人民政府', 'CITY_GOV'],
    ['各市（州）人民政府', 'CITY_GOV'],
    ['各地（市）行署', 'CITY_GOV'],
    ['各市政府', 'CITY_GOV'],
    ['各县（市、区）人民政府', 'COUNTY_GOV'],
    ['各区县政府', 'COUNTY_GOV'],
    ['各乡镇人民政府', 'TOWN'],
    ['各街道办事处', 'TOWN'],
    ['各派驻机构', 'AGENCY'],
  ])('%s → %s', (name, kind) => {
    expect(collectiveKind(name)).toBe(kind);
  });

  it.each(['省发展改革委', '沈阳市人民政府', '省政府办公厅', '各有关单位', '各市县政府', '即时比分', '昆明市人民政府'])(
    '%s is not one kind',
    (name) => {
      expect(collectiveKind(name)).toBeNull();
    },
  );
});

describe('unitNameKey', () => {
  it('is the same for full- and half-width brackets, spaces and quotes', () => {
    expect(unitNameKey('省营商局（大数据局）')).toBe(unitNameKey('省营商局(大数据局)'));
    expect(unitNameKey(' 省直 有关部门 ')).toBe('省直有关部门');
    expect(unitNameKey('“省发改委”')).toBe('省发改委');
    expect(unitNameKey('省发改委')).not.toBe(unitNameKey('省发展改革委'));
  });
});
