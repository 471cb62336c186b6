/** How many overdue units a roll-up names; the rest are counted ("等 M 个单位"). */
export const OVERDUE_UNITS_NAMED = 10;

/** The named overdue units, then the total when some were left unnamed: "甲·一、甲·二 等 12 个单位". */
export function overdueUnitsText(named: readonly string[], total: number): string {
  const list = named.join('、');
  return total > named.length ? `${list} 等 ${total} 个单位` : list;
}

/**
 * The units with an overdue task among a key point's lower tasks, as 下级机构·单位, each once, in code
 * point order: the same names, in the same order, as the roll-up's stored ones (the server sorts them
 * COLLATE "C"), so a page that names them from the drill-down names what the exports name.
 */
export function overdueUnitNames(
  lowers: readonly { lowerTenantName: string; tasks: readonly { unitName: string; overdue: boolean }[] }[],
): string[] {
  const names = new Set<string>();
  for (const lower of lowers)
    for (const task of lower.tasks) if (task.overdue) names.add(`${lower.lowerTenantName}·${task.unitName}`);
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
