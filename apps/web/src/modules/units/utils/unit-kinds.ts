import type { UnitKind } from '../../../generated/graphql';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  DEPARTMENT: '部门',
  CITY_GOV: '市政府',
  COUNTY_GOV: '县区政府',
  AGENCY: '派驻机构',
  TOWN: '乡镇街道',
  OFFICE: '办公厅',
  OTHER: '其他',
};
