/**
 * A run of governments in a unit list is written as official documents write it: 北昌县人民政府、北安县
 * 人民政府 → 北昌县、北安县人民政府. A province's key point often goes to dozens of county governments,
 * and this suffix repeated on every one was most of the public page's bytes.
 */
export const GROUPED_SUFFIX = '人民政府';

/**
 * The list as the page prints it. A unit is folded into its run only when its short form is not itself
 * the name of one of `units` (every unit name the page lists), so a reader, and the page's filter
 * script, can always tell which unit a short form stands for.
 */
export function compactUnitList(names: readonly string[], units: ReadonlySet<string>): string {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) out.push(`${run.join('、')}${GROUPED_SUFFIX}`);
    run = [];
  };
  for (const name of names) {
    const short = name.slice(0, -GROUPED_SUFFIX.length);
    if (name.endsWith(GROUPED_SUFFIX) && short && !units.has(short)) run.push(short);
    else {
      flush();
      out.push(name);
    }
  }
  flush();
  return out.join('、');
}
