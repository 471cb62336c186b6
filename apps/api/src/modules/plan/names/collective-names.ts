import type { UnitKind } from '../../unit/index.js';

// A collective name says "all (or the relevant) units of a kind": 各…, 有关…, 省直…, 所属….
const COLLECTIVE = /^(?:.{0,6}?(?:政府)?)?(?:各|有关|相关|所属|全体)|^(?:省|市|州|县|区)直|直属/u;

const RULES: Array<[RegExp, UnitKind]> = [
  [/乡镇|乡\(镇\)|街道|办事处/u, 'TOWN'],
  // 各县(市、区)人民政府 names 市 too: a 县/区 government list is checked before the city one.
  [/(?:各|有关|相关)(?:县|区|县区|区县|旗县|县\(市、?区\)|县\(区\)|县市区)(?:人民)?(?:政府)?$/u, 'COUNTY_GOV'],
  [
    /(?:各|有关|相关)(?:州|市|州市|市州|地市|市\(州\)|州\(市\)|地\(市\)|盟市|地区)(?:人民)?(?:政府|行署|行政公署)$/u,
    'CITY_GOV',
  ],
  [/派驻|驻\S{0,2}机构/u, 'AGENCY'],
  [/部门|厅局|委办|委厅|直属机构|工作机构|(?:省|市|州|县|区)直(?:有关|相关|各)?单位/u, 'DEPARTMENT'],
];

/**
 * The kind of the unit directory a collective name stands for: 省直有关部门 → departments,
 * 各州市人民政府 → the prefecture governments. Null when the name is not collective or names no
 * single kind (各有关单位, 各市县政府). Pure.
 */
export function collectiveKind(name: string): UnitKind | null {
  const n = name.normalize('NFKC').replace(/\s+/gu, '');
  if (!COLLECTIVE.test(n)) return null;
  for (const [test, kind] of RULES) if (test.test(n)) return kind;
  return null;
}
