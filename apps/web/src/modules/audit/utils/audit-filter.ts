import type { AuditLogFilter } from '../../../generated/graphql';

/** What the auditor picked; instants are ISO strings so the same values feed the query and the export link. */
export interface AuditFilterValues {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  result?: 'success' | 'failure';
  from?: string;
  to?: string;
}

const clean = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

export function toAuditLogFilter(v: AuditFilterValues): AuditLogFilter {
  return {
    actorId: clean(v.actorId),
    action: clean(v.action),
    entityType: clean(v.entityType),
    entityId: clean(v.entityId),
    result: v.result,
    from: v.from,
    to: v.to,
  };
}

/** The export's query string: exactly the filter the page shows. */
export function toExportParams(v: AuditFilterValues): Record<string, string | undefined> {
  return {
    actorId: clean(v.actorId),
    action: clean(v.action),
    entityType: clean(v.entityType),
    entityId: clean(v.entityId),
    result: v.result,
    from: v.from,
    to: v.to,
  };
}
