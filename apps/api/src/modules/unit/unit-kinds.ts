/** The kinds of unit in a government's directory; stored as is in unit.kind. */
export const UNIT_KINDS = ['DEPARTMENT', 'CITY_GOV', 'COUNTY_GOV', 'AGENCY', 'TOWN', 'OFFICE', 'OTHER'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
