import { badInput } from '../../common/app-error.js';
import { isUuid } from '../../common/validation.js';

export const MAX_UNIT_NAME = 60;
export const MAX_ALIASES = 20;
export const MAX_SORT = 1_000_000;

/** Names are compared as written after trimming and collapsing inner whitespace (full-width too). */
export function cleanName(raw: string): string {
  return raw.replace(/[\s\u3000]+/gu, ' ').trim();
}

export function checkUnitName(raw: string, field = 'name'): string {
  const name = cleanName(raw);
  if (!name) throw badInput('单位名称不能为空', field);
  if ([...name].length > MAX_UNIT_NAME) throw badInput(`单位名称不能超过 ${MAX_UNIT_NAME} 个字`, field);
  return name;
}

/** Trimmed, de-duplicated, never equal to the unit's own name. */
export function checkAliases(raw: readonly string[], name: string, field = 'aliases'): string[] {
  const out: string[] = [];
  for (const a of raw) {
    const alias = cleanName(a);
    if (!alias || alias === name || out.includes(alias)) continue;
    if ([...alias].length > MAX_UNIT_NAME)
      throw badInput(`别名不能超过 ${MAX_UNIT_NAME} 个字：${alias.slice(0, 20)}…`, field);
    out.push(alias);
  }
  if (out.length > MAX_ALIASES) throw badInput(`别名最多 ${MAX_ALIASES} 个`, field);
  return out;
}

export function checkSort(sort: number, field = 'sort'): number {
  if (!Number.isInteger(sort) || Math.abs(sort) > MAX_SORT)
    throw badInput(`排序应为 -${MAX_SORT} 到 ${MAX_SORT} 之间的整数`, field);
  return sort;
}

/** Aliases split on 、；; ，, and line breaks (how people type lists in Chinese spreadsheets). */
export function splitAliases(cell: string): string[] {
  return cell
    .split(/[、;；,，\n]/u)
    .map(cleanName)
    .filter(Boolean);
}

/** A list of ids from a client, bounded; a malformed id is bad input rather than a server error. */
export function checkIds(ids: string[], field = 'unitIds', max = 5000): string[] {
  if (ids.length > max) throw badInput(`一次最多 ${max} 个`, field);
  if (!ids.every(isUuid)) throw badInput('单位无效', field);
  return ids;
}
