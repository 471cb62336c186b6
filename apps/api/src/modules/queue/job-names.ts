/**
 * Every job the API queues, with its data: the one list senders and workers share, so a feature can
 * send work that another feature does without importing it (reports queue evidence checks, the daily
 * supervision run queues the digest). Instants travel as ISO strings.
 */
export interface JobData {
  /** The daily cron (no `at`) or an operator's run for `at`: fans out one tenant job per tenant. */
  'daily-supervision': { at?: string };
  /** A tenant's daily run: lights, the escalation ladder, then its follow-up jobs. */
  'tenant-supervision': { tenantId: string; at: string };
  /** Hourly and when a process starts: runs the tenant-days the daily run missed (a failover at 07:30). */
  'supervision-catch-up': Record<string, never>;
  /** 02:30: pg_dump of the app's database into BACKUP_DIR, keeping the newest BACKUP_KEEP (one machine). */
  'nightly-backup': Record<string, never>;
  /** A report's evidence pages, checked soon after it is submitted (outside the request). */
  'evidence-check': { tenantId: string; reportId: string };
  /** Evidence of tasks due that day, checked again so the office sees a page that went away in time. */
  'evidence-recheck': { tenantId: string; at: string };
  /** The day's e-mail digest of a tenant, after its daily run wrote the notifications. */
  'tenant-digest': { tenantId: string; at: string };
  /** 上下联动: a lower tenant's copy of its upper tenant's published key points, refreshed after the upper published or changed them. */
  'upper-plan-points': { tenantId: string };
}

export type JobName = keyof JobData;
