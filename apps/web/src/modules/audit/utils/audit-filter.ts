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

/**
 * The filter without blank text: the query's `AuditLogFilter` and the export's query string alike, so
 * the file holds exactly what the page shows.
 */
export function cleanAuditFilter(v: AuditFilterValues): AuditFilterValues {
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
