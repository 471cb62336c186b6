import { TASK_STATUSES } from '../../common/enums.js';
import { badInput } from '../../common/app-error.js';
import { parseLocalDate } from '../../common/scalars.js';
import type { TaskFilterInput } from './dto/task-filter.input.js';
import type { TaskSortField } from './dto/task-sort.input.js';
import type { SortKey } from '../../common/keyset-page.js';
import type { SqlParams } from '../../common/sql.js';
import { uuidArg } from '../../common/validation.js';

/** Status in workflow order rather than alphabetical. */
const STATUS_ORDER = `array_position(ARRAY[${TASK_STATUSES.map((s) => `'${s}'`).join(',')}]::text[], t.status)`;

export const SORT_KEYS: Record<TaskSortField, SortKey[]> = {
  DUE_DATE: [{ expr: 't.due_date', cast: 'date' }],
  UNIT: [{ expr: 'u.name', cast: 'text' }],
  // Document order: key point, its ordinary tasks before their 整改 follow-ups, the lead unit first, then by unit name.
  KEY_POINT: [
    { expr: 'kp.seq', cast: 'int' },
    { expr: 't.kind', cast: 'text' },
    { expr: 't.role', cast: 'text' },
    { expr: 'u.name', cast: 'text' },
  ],
  STATUS: [{ expr: STATUS_ORDER, cast: 'int' }],
  PROGRESS: [{ expr: 't.progress', cast: 'int' }],
  UPDATED: [{ expr: 't.updated_at', cast: 'timestamptz' }],
};

/** A unit's to-do order: red, then yellow, then the rest, earliest due first. */
export const URGENCY_KEYS: SortKey[] = [
  { expr: `CASE t.light WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 WHEN 'GREEN' THEN 2 ELSE 3 END`, cast: 'int' },
  { expr: 't.due_date', cast: 'date' },
];

const UNIT_JOIN = `JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id`;
const KEY_POINT_JOIN = `JOIN key_point kp ON kp.tenant_id = t.tenant_id AND kp.id = t.key_point_id`;

/**
 * The joins a ledger query's SQL refers to: unit `u` (text filter, unit sort) and key point `kp`
 * (section and text filters, key point sort). Foreign keys guarantee both rows exist, so leaving an
 * unused join out changes no result, and it saves two index probes per matching task on every page
 * and every count.
 */
export function taskJoins(...sql: string[]): string {
  const text = sql.join(' ');
  return [/\bu\./.test(text) ? UNIT_JOIN : '', /\bkp\./.test(text) ? KEY_POINT_JOIN : ''].filter(Boolean).join('\n  ');
}

export const TEXT_FILTER_MAX = 100;

function dateArg(value: string, field: string): string {
  try {
    return parseLocalDate(value);
  } catch {
    throw badInput('日期格式应为 YYYY-MM-DD', field);
  }
}

/** SQL conditions for the ledger filters (each AND-ed), adding their values to `params`. */
export function taskFilterConditions(filter: TaskFilterInput | null | undefined, params: SqlParams): string[] {
  if (!filter) return [];
  const where: string[] = [];
  if (filter.planId) where.push(`t.plan_id = ${params.add(uuidArg(filter.planId, 'planId'))}`);
  if (filter.sectionId) where.push(`kp.section_id = ${params.add(uuidArg(filter.sectionId, 'sectionId'))}`);
  if (filter.keyPointId) where.push(`t.key_point_id = ${params.add(uuidArg(filter.keyPointId, 'keyPointId'))}`);
  if (filter.unitId) where.push(`t.unit_id = ${params.add(uuidArg(filter.unitId, 'unitId'))}`);
  if (filter.role) where.push(`t.role = ${params.add(filter.role)}`);
  if (filter.kind) where.push(`t.kind = ${params.add(filter.kind)}`);
  if (filter.status?.length) where.push(`t.status = ANY(${params.add(filter.status)}::text[])`);
  if (filter.light?.length) where.push(`t.light = ANY(${params.add(filter.light)}::text[])`);
  const from = filter.dueFrom ? dateArg(filter.dueFrom, 'dueFrom') : null;
  const to = filter.dueTo ? dateArg(filter.dueTo, 'dueTo') : null;
  if (from && to && from > to) throw badInput('截止日期范围的开始日期不能晚于结束日期', 'dueFrom');
  if (from) where.push(`t.due_date >= ${params.add(from)}::date`);
  if (to) where.push(`t.due_date <= ${params.add(to)}::date`);
  const text = filter.text?.trim();
  if (text) {
    if (text.length > TEXT_FILTER_MAX) throw badInput(`搜索内容不能超过 ${TEXT_FILTER_MAX} 个字`, 'text');
    const pattern = params.add(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(kp.title ILIKE ${pattern} OR u.name ILIKE ${pattern})`);
  }
  return where;
}
