import { randomUUID } from 'node:crypto';
import type { UnitModel } from '../dto/unit.model.js';
import { checkAliases, checkSort, checkUnitName, cleanName, splitAliases } from '../unit-fields.js';
import type { UnitKind } from '../unit.entity.js';
import type { SheetRow } from './unit-sheet.reader.js';

export type ImportAction = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'ERROR';

export interface ImportRowResult {
  row: number;
  name: string;
  action: ImportAction;
  /** Chinese reason for ERROR rows. */
  message: string | null;
}

export type UnitState = Pick<UnitModel, 'id' | 'name' | 'kind' | 'parentId' | 'aliases' | 'active' | 'sort'>;

export interface ImportPlan {
  results: ImportRowResult[];
  creates: UnitState[];
  updates: { before: UnitState; after: UnitState }[];
}

/** The 类型 column: the Chinese words of the import template, plus a few common variants. */
const KIND_WORDS: Record<string, UnitKind> = {
  部门: 'DEPARTMENT',
  市政府: 'CITY_GOV',
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

export function kindOf(cell: string): UnitKind | null {
  const word = cell.replace(/[\s（）]/gu, (c) => (c === '（' ? '(' : c === '）' ? ')' : '')).replace(/\//g, '');
  return KIND_WORDS[word] ?? null;
}

function activeOf(cell: string): boolean | null {
  if (['启用', '正常', '有效'].includes(cell)) return true;
  if (['停用', '禁用', '无效'].includes(cell)) return false;
  return null;
}

class RowError extends Error {}

const messageOf = (e: unknown) => (e instanceof RowError || (e as { extensions?: unknown })?.extensions ? (e as Error).message : null);

/**
 * Turns sheet rows into creates and updates against the current directory, row by row: a row whose
 * 单位名称 exists updates that unit (blank cells keep the current values), otherwise it creates one.
 * Parents may name units of the directory or of other rows, in any order. Pure: no database.
 */
export function planUnitImport(sheet: SheetRow[], existing: UnitState[], newId: () => string = randomUUID): ImportPlan {
  const byName = new Map(existing.map((u) => [u.name, u]));
  const final = new Map(existing.map((u) => [u.id, { ...u }]));
  const results: ImportRowResult[] = [];
  const touched: { result: ImportRowResult; id: string; parentName: string | null; isNew: boolean }[] = [];
  const seenInFile = new Map<string, number>();

  for (const { row, cells } of sheet) {
    const result: ImportRowResult = { row, name: cleanName(cells.name ?? ''), action: 'ERROR', message: null };
    results.push(result);
    try {
      const name = checkUnitName(cells.name ?? '');
      const firstRow = seenInFile.get(name);
      if (firstRow) throw new RowError(`单位名称与第 ${firstRow} 行重复`);
      seenInFile.set(name, row);
      const current = byName.get(name);
      const kind = cells.kind ? kindOf(cells.kind) : (current?.kind ?? 'OTHER');
      if (!kind) throw new RowError(`类型“${cells.kind}”无效，应为 部门/市政府/县区政府/派驻机构/乡镇街道/办公厅/其他`);
      const active = cells.status ? activeOf(cells.status) : (current?.active ?? true);
      if (active === null) throw new RowError(`状态“${cells.status}”无效，应为 启用 或 停用`);
      let sort = current?.sort ?? 0;
      if (cells.sort) {
        if (!/^-?\d+$/.test(cells.sort)) throw new RowError(`排序“${cells.sort}”应为整数`);
        sort = checkSort(Number(cells.sort));
      }
      const aliases = checkAliases(cells.aliases ? splitAliases(cells.aliases) : (current?.aliases ?? []), name);
      const id = current?.id ?? newId();
      final.set(id, { id, name, kind, aliases, active, sort, parentId: current?.parentId ?? null });
      touched.push({ result, id, parentName: cells.parent ? cleanName(cells.parent) : null, isNew: !current });
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
      t.result.message = other.name === clash ? `已有同名单位“${clash}”` : `“${clash}”已是单位“${other.name}”的名称或别名`;
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

  const before = new Map(existing.map((u) => [u.id, u]));
  const plan: ImportPlan = { results, creates: [], updates: [] };
  for (const t of touched) {
    if (t.result.message) continue;
    const after = final.get(t.id)!;
    if (t.isNew) {
      plan.creates.push(after);
      t.result.action = 'CREATED';
    } else if (sameUnit(before.get(t.id)!, after)) {
      t.result.action = 'UNCHANGED';
    } else {
      plan.updates.push({ before: before.get(t.id)!, after });
      t.result.action = 'UPDATED';
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
    a.name === b.name && a.kind === b.kind && a.parentId === b.parentId && a.active === b.active && a.sort === b.sort &&
    a.aliases.length === b.aliases.length && a.aliases.every((x, i) => x === b.aliases[i])
  );
}
