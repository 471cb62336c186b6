import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@duban/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { one } from '../../common/sql.js';
import { isUuid } from '../../common/validation.js';
import { runInTenant, runOutsideTenant } from '../../database/tenant-context.js';
import { RevisionCache } from '../scorecard/index.js';
import { tenantSettingsWithDefaults, type TenantSettings } from '../tenant/index.js';
import { PUBLIC_PROGRESS_FORMAT, publicProgress, type PublicProgress, type SnapshotRows } from './public-progress.js';

export interface PublicTenant {
  id: string;
  code: string;
  name: string;
  settings: TenantSettings;
}

export interface PublicPlan {
  id: string;
  year: number;
  title: string;
  docNumber: string | null;
  publicPage: boolean;
}

/** The `tenant` columns the public page reads. */
interface PublicTenantRow {
  id: string;
  code: string;
  name: string;
  settings: Record<string, unknown> | null;
}

const toTenant = (row: PublicTenantRow): PublicTenant => ({
  id: row.id,
  code: row.code,
  name: row.name,
  settings: tenantSettingsWithDefaults(row.settings),
});

const TENANT_CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;

/**
 * Everything the page shows, read in one statement so the revision it is stamped with comes from the
 * same snapshot as the data. Only accepted reports' http(s) links whose evidence check reached the page
 * are public; rectification tasks (整改) stay internal.
 */
const SNAPSHOT_SQL = `
  SELECT
    (SELECT coalesce(max(r.revision), 0) FROM scorecard_revision r WHERE r.tenant_id = $1) AS revision,
    (SELECT coalesce(json_agg(s ORDER BY s.sort), '[]') FROM (
       SELECT id, label, title, sort FROM plan_section WHERE tenant_id = $1 AND plan_id = $2) s) AS sections,
    (SELECT coalesce(json_agg(k ORDER BY k.seq), '[]') FROM (
       SELECT id, section_id, seq, label, title, text, due_date FROM key_point WHERE tenant_id = $1 AND plan_id = $2) k) AS key_points,
    (SELECT coalesce(json_agg(t ORDER BY t.role, t.sort, t.unit_name), '[]') FROM (
       SELECT t.id, t.key_point_id, t.role, u.name AS unit_name, u.sort, t.status, t.due_date, t.original_due_date,
              (coalesce(t.accepted_at, t.completed_at, t.closed_at) AT TIME ZONE 'Asia/Shanghai')::date AS completed_on,
              EXISTS (SELECT 1 FROM delay_request d WHERE d.tenant_id = t.tenant_id AND d.task_id = t.id AND d.status = 'APPROVED') AS delay_approved
         FROM task t JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
        WHERE t.tenant_id = $1 AND t.plan_id = $2 AND t.kind = 'NORMAL') t) AS tasks,
    (SELECT coalesce(json_agg(l ORDER BY l.submitted_at, l.sort), '[]') FROM (
       SELECT DISTINCT ON (r.task_id, e.url) r.task_id, e.url, e.check_title AS title, r.submitted_at, e.sort
         FROM progress_report r
         JOIN task t ON t.tenant_id = r.tenant_id AND t.id = r.task_id
         JOIN report_evidence e ON e.tenant_id = r.tenant_id AND e.report_id = r.id
        WHERE r.tenant_id = $1 AND t.plan_id = $2 AND t.kind = 'NORMAL' AND r.status = 'ACCEPTED'
          AND e.kind = 'URL' AND e.check_status = 'REACHABLE' AND e.url ~* '^https?://[^\\s<>"]+$' AND length(e.url) <= 2000
        ORDER BY r.task_id, e.url, r.submitted_at) l) AS links`;

/**
 * The public page's snapshot of a plan: computed once per change and shared by every API process in
 * scorecard_cache (the scorecard's revision trigger says when the plan's tasks, reports or key points
 * changed), keyed besides by the Shanghai day (overdue turns at midnight) and what the page prints of
 * the tenant's settings.
 */
@Injectable()
export class PublicSnapshotService {
  private readonly cache: RevisionCache<PublicProgress>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.cache = new RevisionCache<PublicProgress>(dataSource);
  }

  /** The tenant by its code; the tenant table is not tenant-owned, so this reads outside any scope. */
  async tenant(code: string): Promise<PublicTenant | null> {
    if (!TENANT_CODE.test(code)) return null;
    const row = await runOutsideTenant(() =>
      one<PublicTenantRow>(this.dataSource, `SELECT id, code, name, settings FROM tenant WHERE code = $1`, [code]),
    );
    return row ? toTenant(row) : null;
  }

  /** The signed-in office's own tenant, for the preview (same shape as by code). */
  async tenantById(id: string): Promise<PublicTenant | null> {
    const row = await one<PublicTenantRow>(
      this.dataSource,
      `SELECT id, code, name, settings FROM tenant WHERE id = $1`,
      [id],
    );
    return row ? toTenant(row) : null;
  }

  /**
   * A plan that is not a draft, by year (the latest published of that year) or id, inside the tenant's
   * scope. `publicOnly` for the public routes; the office's preview sees a plan whose page is off too.
   */
  async plan(tenant: PublicTenant, yearOrId: string, publicOnly: boolean): Promise<PublicPlan | null> {
    const byYear = /^\d{4}$/.test(yearOrId);
    if (!byYear && !isUuid(yearOrId)) return null;
    const row = await runInTenant(tenant.id, () =>
      one<{ id: string; year: number; title: string; doc_number: string | null; public_page: boolean }>(
        this.dataSource,
        `SELECT id, year, title, doc_number, public_page FROM plan
          WHERE tenant_id = $1 AND status <> 'DRAFT' AND ${byYear ? 'year = $2::int' : 'id = $2::uuid'} ${publicOnly ? 'AND public_page' : ''}
          ORDER BY published_at DESC NULLS LAST, id LIMIT 1`,
        [tenant.id, yearOrId],
      ),
    );
    return row
      ? { id: row.id, year: row.year, title: row.title, docNumber: row.doc_number, publicPage: row.public_page }
      : null;
  }

  /** The current snapshot: the shared one when nothing changed since, else computed now and shared. */
  async snapshot(tenant: PublicTenant, plan: PublicPlan): Promise<PublicProgress> {
    const publisher = tenant.settings.publicName || tenant.name;
    const key = {
      tenantId: tenant.id,
      scope: `public-page:${plan.id}`,
      today: shanghaiDate(this.clock.now()),
      rulesKey: createHash('sha1')
        .update(JSON.stringify([PUBLIC_PROGRESS_FORMAT, publisher, plan.title, plan.docNumber, SNAPSHOT_SQL]))
        .digest('hex'),
    };
    return runInTenant(tenant.id, async () => {
      const cached = await this.cache.read(key);
      if (cached) return cached;
      const rows = (await one<SnapshotRows & { revision: string }>(this.dataSource, SNAPSHOT_SQL, [
        tenant.id,
        plan.id,
      ]))!;
      const progress = publicProgress(rows, {
        publisher,
        plan: { year: plan.year, title: plan.title, docNumber: plan.docNumber },
        asOf: key.today,
        snapshotAt: this.clock.now().toISOString(),
      });
      await this.cache.write(key, rows.revision, progress);
      return progress;
    });
  }
}
