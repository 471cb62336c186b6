import { randomUUID } from 'node:crypto';
import type { UnitModel } from '../dto/unit.model.js';
import { checkAliases, checkSort, checkUnitName, cleanName, splitAliases } from '../unit-fields.js';
import { UNIT_KIND_LABELS, type UnitKind } from '../unit-kinds.js';
import type { SheetRow } from './unit-sheet.reader.js';

export type ImportAction = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'ERROR';

/** One field an UPDATED row changes, as the office reads it (names, not ids). */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface ImportRowResult {
  row: number;
  name: string;
  action: ImportAction;
  /** Chinese reason for ERROR rows; for UPDATED rows matched by alias or ID, how they were matched. */
  message: string | null;
  changes: FieldChange[];
}

export type UnitState = Pick<UnitModel, 'id' | 'name' | 'kind' | 'parentId' | 'aliases' | 'active' | 'sort'>;

export interface ImportPlan {
  results: ImportRowResult[];
  creates: UnitState[];
  updates: { before: UnitState; after: UnitState }[];
  /** Active units of the directory that no row of the file names (candidates to deactivate). */
  missing: UnitState[];
}

/**
 * The 类型 column: the words of the import template, plus what offices write in their own sheets.
 * Prefectures (州政府, 地区行署) and leagues (盟) are at the level of a city: they count as 市政府.
 */
export const KIND_WORDS: Record<string, UnitKind> = {
  部门: 'DEPARTMENT',
  省直部门: 'DEPARTMENT',
  市直部门: 'DEPARTMENT',
  县直部门: 'DEPARTMENT',
  区直部门: 'DEPARTMENT',
  政府部门: 'DEPARTMENT',
  政府组成部门: 'DEPARTMENT',
  组成部门: 'DEPARTMENT',
  省政府组成部门: 'DEPARTMENT',
  市政府组成部门: 'DEPARTMENT',
  市政府: 'CITY_GOV',
  州政府: 'CITY_GOV',
  '市(州)政府': 'CITY_GOV',
  '市(州)': 'CITY_GOV',
  市州政府: 'CITY_GOV',
  各市政府: 'CITY_GOV',
  地市政府: 'CITY_GOV',
  '市(地)政府': 'CITY_GOV',
  地区行署: 'CITY_GOV',
  行署: 'CITY_GOV',
  盟: 'CITY_GOV',
  '市(州、盟)': 'CITY_GOV',
  市人民政府: 'CITY_GOV',
  州人民政府: 'CITY_GOV',
  县市区政府: 'COUNTY_GOV',
  '县(市、区)政府': 'COUNTY_GOV',
  '县(市、区)': 'COUNTY_GOV',
  '县(市)政府': 'COUNTY_GOV',
  县级政府: 'COUNTY_GOV',
  县人民政府: 'COUNTY_GOV',
  区人民政府: 'COUNTY_GOV',
  中直驻省单位: 'AGENCY',
  中直单位: 'AGENCY',
  驻省单位: 'AGENCY',
  中央驻省单位: 'AGENCY',
  垂直管理部门: 'AGENCY',
  垂管部门: 'AGENCY',
  省直单位: 'AGENCY',
  直属单位: 'AGENCY',
  事业单位: 'AGENCY',
  部门管理机构: 'AGENCY',
  乡镇政府: 'TOWN',
  街道办事处: 'TOWN',
  '乡镇(街道)办事处': 'TOWN',
  办公厅室: 'OFFICE',
  县区政府: 'COUNTY_GOV',
  '县(区)政府': 'COUNTY_GOV',
  县政府: 'COUNTY_GOV',
  区政府: 'COUNTY_GOV',
  派驻机构: 'AGENCY',
  直属机构: 'AGENCY',
  乡镇街道: 'TOWN',
  '乡镇(街道)': 'TOWN',
  乡镇: 'TOWN',
  街道: 'TOWN',
  办公厅: 'OFFICE',
  办公室: 'OFFICE',
  '办公厅(室)': 'OFFICE',
  其他: 'OTHER',
};

const KINDS_BY_CODE = new Set<string>(['DEPARTMENT', 'CITY_GOV', 'COUNTY_GOV', 'AGENCY', 'TOWN', 'OFFICE', 'OTHER']);

export function kindOf(cell: string): UnitKind | null {
  const word = cell
    .replace(/[\s（），,]/gu, (c) => (c === '（' ? '(' : c === '）' ? ')' : c === '，' || c === ',' ? '、' : ''))
    .replace(/\//g, '');
  if (KINDS_BY_CODE.has(word.toUpperCase())) return word.toUpperCase() as UnitKind;
  return KIND_WORDS[word] ?? null;
}

/** The words the template and the error message offer (one per type; the others are accepted too). */
export const KIND_HINT =
  '部门（省直部门）/市政府（州政府、市（州）政府）/县区政府/派驻机构（中直驻省单位）/乡镇街道/办公厅/其他';

function activeOf(cell: string): boolean | null {
  if (['启用', '正常', '有效'].includes(cell)) return true;
  if (['停用', '禁用', '无效'].includes(cell)) return false;
  return null;
}

class RowError extends Error {}

const messageOf = (e: unknown) =>
  e instanceof RowError || (e as { extensions?: unknown })?.extensions ? (e as Error).message : null;

/**
 * Turns sheet rows into creates and updates against the current directory, row by row: a row whose
 * 单位名称 exists updates that unit (blank cells keep the current values), otherwise it creates one.
 * Parents may name units of the directory or of other rows, in any order. Pure: no database.
 */
export function planUnitImport(sheet: SheetRow[], existing: UnitState[], newId: () => string = randomUUID): ImportPlan {
  const byId = new Map(existing.map((u) => [u.id, u]));
  const byName = new Map(existing.map((u) => [u.name, u]));
  const byAlias = new Map(existing.flatMap((u) => u.aliases.map((a) => [a, u] as const)));
  const matchedIds = new Map<string, number>();
  // A unit a row names exactly (or by ID) is that row's; other rows cannot reach it through an alias it may be giving up.
  const claimed = new Set(
    sheet.flatMap(({ cells }) =>
      [byName.get(cleanName(cells.name ?? ''))?.id, cells.id?.trim().toLowerCase()].filter((x): x is string => !!x),
    ),
  );
  const free = (u: UnitState | undefined) => (u && !claimed.has(u.id) ? u : undefined);
  const final = new Map(existing.map((u) => [u.id, { ...u }]));
  const results: ImportRowResult[] = [];
  const touched: {
    result: ImportRowResult;
    id: string;
    parentName: string | null;
    isNew: boolean;
    note: string | null;
  }[] = [];
  const seenInFile = new Map<string, number>();

  for (const { row, cells } of sheet) {
    const result: ImportRowResult = {
      row,
      name: cleanName(cells.name ?? ''),
      action: 'ERROR',
      message: null,
      changes: [],
    };
    results.push(result);
    try {
      const name = checkUnitName(cells.name ?? '');
      const firstRow = seenInFile.get(name);
      if (firstRow) throw new RowError(`单位名称与第 ${firstRow} 行重复`);
      seenInFile.set(name, row);
      const current = matchRow(cells, name, byId, byName, byAlias, free);
      if (current) {
        const other = matchedIds.get(current.unit.id);
        if (other) throw new RowError(`与第 ${other} 行是同一个单位“${current.unit.name}”`);
        matchedIds.set(current.unit.id, row);
      }
      const unit = current?.unit;
      const kind = cells.kind ? kindOf(cells.kind) : (unit?.kind ?? 'OTHER');
      if (!kind) throw new RowError(`类型“${cells.kind}”无效，应为 ${KIND_HINT}`);
      const active = cells.status ? activeOf(cells.status) : (unit?.active ?? true);
      if (active === null) throw new RowError(`状态“${cells.status}”无效，应为 启用 或 停用`);
      let sort = unit?.sort ?? 0;
      if (cells.sort) {
        if (!/^-?\d+$/.test(cells.sort)) throw new RowError(`排序“${cells.sort}”应为整数`);
        sort = checkSort(Number(cells.sort));
      }
      const given = cells.aliases ? splitAliases(cells.aliases) : (unit?.aliases ?? []);
      // A renamed unit keeps its old name as an alias: last year's documents still use it.
      const aliases = checkAliases(unit && unit.name !== name ? [...given, unit.name] : given, name);
      const id = unit?.id ?? newId();
      final.set(id, { id, name, kind, aliases, active, sort, parentId: unit?.parentId ?? null });
      touched.push({
        result,
        id,
        parentName: cells.parent ? cleanName(cells.parent) : null,
        isNew: !unit,
        note: current?.how ?? null,
      });
    } catch (e) {
      const message = messageOf(e);
      if (message === null) throw e;
      result.message = message;
    }
  }

  // Names and aliases must stay unique across the directory as it will be after the import.
  const owners = new Map<string, string[]>();
  for (const u of final.values()) {
    for (const n of [u.name, ...u.aliases]) owners.set(n, [...(owners.get(n) ?? []), u.id]);
  }
  const nameToUnit = (n: string) => owners.get(n)?.[0];
  for (const t of touched) {
    const unit = final.get(t.id)!;
    const clash = [unit.name, ...unit.aliases].find((n) => owners.get(n)!.length > 1);
    if (clash) {
      const other = final.get(owners.get(clash)!.find((id) => id !== t.id)!)!;
      t.result.message = other.name === clash ? `已有同名单位“${clash}”` : `“${clash}”已是单位“${other.name}”的别名`;
      continue;
    }
    if (t.parentName) {
      const parentId = nameToUnit(t.parentName);
      if (!parentId) t.result.message = `上级单位“${t.parentName}”不存在`;
      else if (parentId === t.id) t.result.message = '上级单位不能是本单位';
      else unit.parentId = parentId;
    }
  }
  for (const t of touched) {
    if (t.result.message) continue;
    if (formsCycle(t.id, final)) t.result.message = '上级单位关系形成循环';
  }

  const before = byId;
  const plan: ImportPlan = {
    results,
    creates: [],
    updates: [],
    missing: existing.filter((u) => u.active && !matchedIds.has(u.id)),
  };
  for (const t of touched) {
    if (t.result.message) continue;
    t.result.message = t.note;
    const after = final.get(t.id)!;
    if (t.isNew) {
      plan.creates.push(after);
      t.result.action = 'CREATED';
    } else if (sameUnit(before.get(t.id)!, after)) {
      t.result.action = 'UNCHANGED';
    } else {
      plan.updates.push({ before: before.get(t.id)!, after });
      t.result.action = 'UPDATED';
      t.result.changes = changesOf(before.get(t.id)!, after, final);
    }
  }
  return plan;
}

function formsCycle(id: string, units: Map<string, UnitState>): boolean {
  const seen = new Set<string>();
  for (let at = units.get(id)?.parentId; at; at = units.get(at)?.parentId) {
    if (at === id) return true;
    if (seen.has(at)) return false; // a loop above us that does not include us is reported on its own rows
    seen.add(at);
  }
  return false;
}

function sameUnit(a: UnitState, b: UnitState): boolean {
  return (
    a.name === b.name &&
    a.kind === b.kind &&
    a.parentId === b.parentId &&
    a.active === b.active &&
    a.sort === b.sort &&
    a.aliases.length === b.aliases.length &&
    a.aliases.every((x, i) => x === b.aliases[i])
  );
}

/**
 * The existing unit a row is about: by its ID column (as exported), else by name, else by alias — the
 * row's name is an old unit's alias, or the row lists an old unit's name among its aliases (a rename).
 */
function matchRow(
  cells: SheetRow['cells'],
  name: string,
  byId: Map<string, UnitState>,
  byName: Map<string, UnitState>,
  byAlias: Map<string, UnitState>,
  free: (u: UnitState | undefined) => UnitState | undefined,
): { unit: UnitState; how: string | null } | null {
  if (cells.id) {
    const unit = byId.get(cells.id.trim().toLowerCase());
    if (!unit) throw new RowError(`ID“${cells.id}”不是本单位名录中的单位（新单位请留空 ID）`);
    return { unit, how: unit.name !== name ? `按 ID 匹配到“${unit.name}”` : null };
  }
  const named = byName.get(name);
  if (named) return { unit: named, how: null };
  const aliased = free(byAlias.get(name));
  if (aliased) return { unit: aliased, how: `“${name}”是“${aliased.name}”的别名，按更名处理` };
  const renamed = [
    ...new Set(
      (cells.aliases ? splitAliases(cells.aliases) : [])
        .map((a) => free(byName.get(a)))
        .filter((u): u is UnitState => !!u),
    ),
  ];
  if (renamed.length > 1)
    throw new RowError(
      `别名分别指向 ${renamed.map((u) => `“${u.name}”`).join('、')}，无法确定是哪个单位更名；请填写 ID 列`,
    );
  if (renamed.length === 1) return { unit: renamed[0], how: `别名含原名称“${renamed[0].name}”，按更名处理` };
  return null;
}

/** Field by field, in the words of the sheet: 名称：省数据局 → 省数据和政务服务局. */
export function changesOf(before: UnitState, after: UnitState, units: Map<string, UnitState>): FieldChange[] {
  const parentName = (id: string | null) => (id ? (units.get(id)?.name ?? '') : '（无）');
  const out: FieldChange[] = [];
  const add = (field: string, a: string, b: string) => a !== b && out.push({ field, before: a, after: b });
  add('单位名称', before.name, after.name);
  add('类型', UNIT_KIND_LABELS[before.kind], UNIT_KIND_LABELS[after.kind]);
  add('上级单位', parentName(before.parentId), parentName(after.parentId));
  add('别名', before.aliases.join('、') || '（无）', after.aliases.join('、') || '（无）');
  add('排序', String(before.sort), String(after.sort));
  add('状态', before.active ? '启用' : '停用', after.active ? '启用' : '停用');
  return out;
}
