import { toMatchText } from './char-normalize.js';

export interface DirectoryUnit {
  id: string;
  name: string;
  aliases?: string[];
  /** e.g. `department`, `city`, `county`, `township`, `agency`: what group expressions select. */
  kind?: string;
  /** Names of tenant-defined groups the unit belongs to. */
  groups?: string[];
}

export interface DirectoryGroup {
  name: string;
  aliases?: string[];
  kinds?: string[];
  unitIds?: string[];
}

export interface UnitDirectory {
  units: DirectoryUnit[];
  groups?: DirectoryGroup[];
}

export type ResolveMethod = 'exact' | 'alias' | 'abbreviation' | 'prefix-elided' | 'group';

export interface ResolvedName {
  name: string;
  method: ResolveMethod;
  unitIds: string[];
  /** `有关部门`/`相关单位`: only some of the group's units are meant; a person should narrow it. */
  selective?: boolean;
}

export interface UnresolvedName {
  name: string;
  candidates: Array<{ unitId: string; name: string; score: number }>;
}

export interface UnitResolution {
  resolved: ResolvedName[];
  unresolved: UnresolvedName[];
}

const normalize = (s: string) =>
  toMatchText(s)
    .replace(/\s+/gu, '')
    .replace(/[“”"'《》]/gu, '');

// Official names and their everyday short forms reduce to the same key.
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/发展和改革委员会|发展改革委员会|发展和改革委|发展改革委|发改委/gu, '发改委'],
  [/人力资源和社会保障/gu, '人社'],
  [/住房和城乡建设/gu, '住建'],
  [/市场监督管理/gu, '市场监管'],
  [/卫生健康委员会|卫生健康委|卫健委/gu, '卫健委'],
  [/机构编制委员会办公室|编委办|编办/gu, '编办'],
  [/委员会/gu, '委'],
  [/人民政府/gu, '政府'],
  [/办公厅|办公室/gu, '办'],
  [/管理局/gu, '局'],
  [/[和与及]/gu, ''],
  [/[()[\]]/gu, ''],
];
function abbreviationKey(name: string): string {
  let key = normalize(name);
  for (const [re, to] of ABBREVIATIONS) key = key.replace(re, to);
  return key;
}

const LEVEL_PREFIX = /^(?:[\u4e00-\u9fff]{0,8}?(?:省|市|区|县|州|盟|旗|自治区|新区)|省|市|区|县|自治区|新区)$/u;
const PREFIX_OF = /^(自治区|[\u4e00-\u9fff]{0,8}?(?:省|自治区|市|州|盟|县|区|旗)|省|市|区|县)/u;

interface GroupRule {
  test: RegExp;
  kinds: string[] | '*';
}
const BUILT_IN_GROUPS: GroupRule[] = [
  { test: /^(?:各|有关|相关)(?:地级)?市(?:人民)?政府$|^各市$/u, kinds: ['city'] },
  { test: /^(?:各|有关|相关)(?:县|区|县区|区县|县\(市、?区\)|县市区|县\(区\)|市县)(?:人民)?政府$/u, kinds: ['county'] },
  {
    test: /^(?:各|有关|相关)(?:乡镇|乡|镇|街道|街|乡镇\(街道\)|乡\(镇\)|乡街)(?:人民政府|办事处)?$/u,
    kinds: ['township'],
  },
  { test: /^(?:各|有关|相关)(?:相关|有关)?(?:派驻|驻区|直属)?机构$/u, kinds: ['agency'] },
  {
    test: /^(?:[\u4e00-\u9fff]{0,6}?政府)?(?:各|有关|相关)(?:有关|相关)?(?:部门|委办厅局|委办局|厅局|厅委|直属机构|工作部门|职能部门)$/u,
    kinds: ['department'],
  },
  { test: /^(?:各|有关|相关)(?:有关|相关)?单位$|^各部门各单位$/u, kinds: '*' },
];

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out.length ? out : [s];
}
function dice(a: string, b: string): number {
  const A = bigrams(a);
  const B = new Map<string, number>();
  for (const g of bigrams(b)) B.set(g, (B.get(g) ?? 0) + 1);
  let hit = 0;
  for (const g of A) {
    const n = B.get(g) ?? 0;
    if (n > 0) {
      hit++;
      B.set(g, n - 1);
    }
  }
  return (2 * hit) / (A.length + bigrams(b).length);
}

/**
 * Maps unit names as parsed (in document order) to a tenant's unit directory. Pure: the caller
 * loads the directory. Names it cannot place are returned with the closest units for a person.
 */
export function resolveUnits(names: readonly string[], directory: UnitDirectory): UnitResolution {
  const byName = new Map<string, DirectoryUnit[]>();
  const byAlias = new Map<string, DirectoryUnit[]>();
  const byKey = new Map<string, DirectoryUnit[]>();
  const push = (m: Map<string, DirectoryUnit[]>, k: string, u: DirectoryUnit) => {
    const list = m.get(k) ?? [];
    if (!list.includes(u)) list.push(u);
    m.set(k, list);
  };
  for (const u of directory.units) {
    push(byName, normalize(u.name), u);
    push(byKey, abbreviationKey(u.name), u);
    for (const a of u.aliases ?? []) {
      push(byAlias, normalize(a), u);
      push(byKey, abbreviationKey(a), u);
    }
  }
  const groups = directory.groups ?? [];
  const ids = (us: DirectoryUnit[]) => us.map((u) => u.id);

  const direct = (n: string): { method: ResolveMethod; units: DirectoryUnit[] } | null => {
    const exact = byName.get(n);
    if (exact) return { method: 'exact', units: exact };
    const alias = byAlias.get(n);
    if (alias) return { method: 'alias', units: alias };
    const key = byKey.get(abbreviationKey(n));
    if (key && key.length === 1) return { method: 'abbreviation', units: key };
    return null;
  };

  const group = (n: string): ResolvedName | null => {
    const selective = /有关|相关/u.test(n);
    for (const g of groups) {
      if (![g.name, ...(g.aliases ?? [])].some((x) => normalize(x) === n)) continue;
      const members = directory.units.filter(
        (u) =>
          g.unitIds?.includes(u.id) ||
          (u.kind !== undefined && g.kinds?.includes(u.kind)) ||
          u.groups?.includes(g.name),
      );
      return { name: n, method: 'group', unitIds: ids(members), ...(selective ? { selective } : {}) };
    }
    for (const rule of BUILT_IN_GROUPS) {
      if (!rule.test.test(n)) continue;
      const kinds = rule.kinds;
      const members = directory.units.filter((u) => kinds === '*' || (u.kind !== undefined && kinds.includes(u.kind)));
      if (!members.length) return null;
      return { name: n, method: 'group', unitIds: ids(members), ...(selective ? { selective } : {}) };
    }
    return null;
  };

  const resolved: ResolvedName[] = [];
  const unresolved: UnresolvedName[] = [];
  let previousPrefix: string | null = null;
  for (const original of names) {
    const n = normalize(original);
    let hit: ResolvedName | null = null;
    const d = direct(n);
    if (d) hit = { name: original, method: d.method, unitIds: ids(d.units) };
    if (!hit) {
      const g = group(n);
      if (g) hit = { ...g, name: original };
    }
    // `自治区编办、政府法制办`: the second name drops the prefix the first one carries.
    if (!hit && previousPrefix && !n.startsWith(previousPrefix)) {
      const again = direct(previousPrefix + n);
      if (again) hit = { name: original, method: 'prefix-elided', unitIds: ids(again.units) };
    }
    if (!hit) {
      const key = abbreviationKey(n);
      const suffixed = directory.units.filter((u) =>
        [u.name, ...(u.aliases ?? [])].some((x) => {
          const full = abbreviationKey(x);
          return (
            full.length > key.length && full.endsWith(key) && LEVEL_PREFIX.test(full.slice(0, full.length - key.length))
          );
        }),
      );
      if (suffixed.length === 1) hit = { name: original, method: 'prefix-elided', unitIds: ids(suffixed) };
    }
    if (hit) {
      resolved.push(hit);
      const unit = directory.units.find((u) => u.id === hit!.unitIds[0]);
      const p = hit.method !== 'group' && unit ? PREFIX_OF.exec(normalize(unit.name)) : null;
      previousPrefix = p ? p[1] : previousPrefix;
      continue;
    }
    const scored = directory.units
      .map((u) => ({
        unitId: u.id,
        name: u.name,
        score: Math.max(...[u.name, ...(u.aliases ?? [])].map((x) => dice(abbreviationKey(x), abbreviationKey(n)))),
      }))
      .filter((c) => c.score >= 0.2)
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map((c) => ({ ...c, score: Math.round(c.score * 100) / 100 }));
    unresolved.push({ name: original, candidates: scored });
  }
  return { resolved, unresolved };
}
