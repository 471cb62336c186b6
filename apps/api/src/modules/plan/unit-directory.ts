import type { UnitDirectory } from '@duban/plan-parser';
import type { UnitModel } from '../unit/index.js';

// The parser's group expressions (各市政府, 省政府各部门…) select units by these kind words.
const PARSER_KIND: Record<string, string> = {
  DEPARTMENT: 'department',
  CITY_GOV: 'city',
  COUNTY_GOV: 'county',
  AGENCY: 'agency',
  TOWN: 'township',
  OFFICE: 'office',
  OTHER: 'other',
};

export function toUnitDirectory(units: readonly Pick<UnitModel, 'id' | 'name' | 'aliases' | 'kind'>[]): UnitDirectory {
  return {
    units: units.map((u) => ({ id: u.id, name: u.name, aliases: u.aliases, kind: PARSER_KIND[u.kind] ?? 'other' })),
  };
}
