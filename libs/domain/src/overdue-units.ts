/** How many overdue units a roll-up names; the rest are counted ("等 M 个单位"). */
export const OVERDUE_UNITS_NAMED = 10;

/** The named overdue units, then the total when some were left unnamed: "甲·一、甲·二 等 12 个单位". */
export function overdueUnitsText(named: readonly string[], total: number): string {
  const list = named.join('、');
  return total > named.length ? `${list} 等 ${total} 个单位` : list;
}
