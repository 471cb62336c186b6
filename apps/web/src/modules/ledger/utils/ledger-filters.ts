import { LIGHTS, STATUSES, type TaskRole, type TaskStatus, type WarningLight } from '../../tasks/utils/labels';

export type SortField = 'DUE_DATE' | 'UNIT' | 'KEY_POINT' | 'STATUS' | 'PROGRESS' | 'UPDATED';
export type SortDirection = 'ASC' | 'DESC';

/** The ledger's filters as the page holds them; they live in the URL so a view can be shared and bookmarked. */
export interface LedgerFilters {
  planId?: string;
  sectionId?: string;
  unitId?: string;
  role?: TaskRole;
  status: TaskStatus[];
  light: WarningLight[];
  dueFrom?: string;
  dueTo?: string;
  text?: string;
  sort: SortField;
  direction: SortDirection;
}

export const EMPTY_FILTERS: LedgerFilters = { status: [], light: [], sort: 'DUE_DATE', direction: 'ASC' };

const SORTS: SortField[] = ['DUE_DATE', 'UNIT', 'KEY_POINT', 'STATUS', 'PROGRESS', 'UPDATED'];

/** One plan's ledger reads in document order (key point, lead first, unit), as the office's own ledger does; across plans, by due date. */
export function defaultSort(planId: string | undefined): SortField {
  return planId ? 'KEY_POINT' : 'DUE_DATE';
}
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function list<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  return (value ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

/** Reads filters from the URL, ignoring anything that is not a valid value (old links, hand edits). */
export function filtersFromSearch(params: URLSearchParams): LedgerFilters {
  const text = params.get('q')?.trim();
  const role = params.get('role');
  const sort = params.get('sort') as SortField | null;
  const dueFrom = params.get('from');
  const dueTo = params.get('to');
  return {
    planId: params.get('plan') || undefined,
    sectionId: params.get('plan') ? params.get('section') || undefined : undefined,
    unitId: params.get('unit') || undefined,
    role: role === 'LEAD' || role === 'RESPONSIBLE' ? role : undefined,
    status: list(params.get('status'), STATUSES),
    light: list(params.get('light'), LIGHTS),
    dueFrom: dueFrom && DATE.test(dueFrom) ? dueFrom : undefined,
    dueTo: dueTo && DATE.test(dueTo) ? dueTo : undefined,
    text: text || undefined,
    sort: sort && SORTS.includes(sort) ? sort : defaultSort(params.get('plan') || undefined),
    direction: params.get('dir') === 'DESC' ? 'DESC' : 'ASC',
  };
}

export function filtersToSearch(f: LedgerFilters): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | undefined) => value && params.set(key, value);
  set('plan', f.planId);
  set('section', f.planId ? f.sectionId : undefined);
  set('unit', f.unitId);
  set('role', f.role);
  set('status', f.status.join(','));
  set('light', f.light.join(','));
  set('from', f.dueFrom);
  set('to', f.dueTo);
  set('q', f.text?.trim());
  if (f.sort !== defaultSort(f.planId)) params.set('sort', f.sort);
  if (f.direction !== 'ASC') params.set('dir', f.direction);
  return params;
}

/** The `tasks(filter:)` input: only what is set. */
export function toTaskFilterInput(f: LedgerFilters) {
  return {
    ...(f.planId ? { planId: f.planId } : {}),
    ...(f.planId && f.sectionId ? { sectionId: f.sectionId } : {}),
    ...(f.unitId ? { unitId: f.unitId } : {}),
    ...(f.role ? { role: f.role } : {}),
    ...(f.status.length ? { status: f.status } : {}),
    ...(f.light.length ? { light: f.light } : {}),
    ...(f.dueFrom ? { dueFrom: f.dueFrom } : {}),
    ...(f.dueTo ? { dueTo: f.dueTo } : {}),
    ...(f.text ? { text: f.text } : {}),
  };
}

export function activeFilterCount(f: LedgerFilters): number {
  return (
    [f.planId, f.sectionId, f.unitId, f.role, f.dueFrom || f.dueTo, f.text].filter(Boolean).length +
    (f.status.length ? 1 : 0) +
    (f.light.length ? 1 : 0)
  );
}
