import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@duban/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { one } from '../../common/sql.js';
import { isUuid } from '../../common/validation.js';
import { runInTenant, runOutsideTenant } from '../../database/tenant-context.js';
import { RevisionCache, type CacheKey } from '../scorecard/index.js';
import { tenantSettingsWithDefaults, type TenantSettings } from '../tenant/index.js';
import { storeBody, type StoredBody } from './public-bodies.js';
import { publicCsv, publicJson } from './public-open-data.js';
import { NO_FILTERS, planPage } from './public-page-html.js';
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
 * A plan's public content and the bodies the public asks for most, made together once per change: the
 * unfiltered page at the plan's year address, data.json and data.csv.
 */
export interface PublicSnapshot {
  progress: PublicProgress;
  bodies: Record<'page' | 'json' | 'csv', StoredBody>;
}

/**
 * What the stored bodies look like in this build: a snapshot stored by a build that renders otherwise
 * (another script, and so another CSP hash) is made again rather than served.
 */
const RENDERING = (() => {
  const sample = publicProgress(
    {
      sections: [{ id: 's', label: '一', title: '部分' }],
      key_points: [{ id: 'k', section_id: 's', seq: 1, label: '(一)', title: '要点', text: '', due_date: null }],
      tasks: [
        {
          id: 't',
          key_point_id: 'k',
          role: 'LEAD',
          unit_name: '单位',
          status: 'DONE',
          due_date: '2026-01-01',
          original_due_date: '2026-01-01',
          completed_on: '2026-01-01',
          delay_approved: false,
        },
      ],
      links: [{ task_id: 't', url: 'https://example.gov.cn/', title: '链接' }],
    },
    { publisher: '机构', plan: { year: 2026, title: '要点', docNumber: null }, asOf: '2026-01-01', snapshotAt: '' },
  );
  return createHash('sha1')
    .update(planPage(sample, '/gk/x/2026', NO_FILTERS) + publicJson(sample) + publicCsv(sample))
    .digest('hex');
})();

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
  private readonly cache: RevisionCache<PublicSnapshot>;
  /** Snapshots being made in this process: concurrent readers of a changed plan wait for one. */
  private readonly making = new Map<string, Promise<PublicSnapshot>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.cache = new RevisionCache<PublicSnapshot>(dataSource);
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

  /** The current snapshot: the shared one when nothing changed since, else made now and shared. */
  async snapshot(tenant: PublicTenant, plan: PublicPlan): Promise<PublicSnapshot> {
    const publisher = tenant.settings.publicName || tenant.name;
    const key = {
      tenantId: tenant.id,
      scope: `public-page:${plan.id}`,
      today: shanghaiDate(this.clock.now()),
      rulesKey: createHash('sha1')
        .update(
          JSON.stringify([
            PUBLIC_PROGRESS_FORMAT,
            RENDERING,
            tenant.code,
            publisher,
            plan.title,
            plan.docNumber,
            SNAPSHOT_SQL,
          ]),
        )
        .digest('hex'),
    };
    const cached = await runInTenant(tenant.id, () => this.cache.read(key));
    if (cached) return cached;
    const id = `${key.tenantId}|${key.scope}|${key.today}|${key.rulesKey}`;
    let made = this.making.get(id);
    if (!made) {
      made = runInTenant(tenant.id, () => this.make(tenant, plan, key, publisher)).finally(() =>
        this.making.delete(id),
      );
      this.making.set(id, made);
    }
    return made;
  }

  private async make(
    tenant: PublicTenant,
    plan: PublicPlan,
    key: CacheKey,
    publisher: string,
  ): Promise<PublicSnapshot> {
    const rows = (await one<SnapshotRows & { revision: string }>(this.dataSource, SNAPSHOT_SQL, [tenant.id, plan.id]))!;
    const progress = publicProgress(rows, {
      publisher,
      plan: { year: plan.year, title: plan.title, docNumber: plan.docNumber },
      asOf: key.today,
      snapshotAt: this.clock.now().toISOString(),
    });
    const [page, json, csv] = await Promise.all([
      storeBody(planPage(progress, `/gk/${tenant.code}/${plan.year}`, NO_FILTERS)),
      storeBody(publicJson(progress)),
      storeBody(publicCsv(progress)),
    ]);
    const snapshot: PublicSnapshot = { progress, bodies: { page, json, csv } };
    await this.cache.write(key, rows.revision, snapshot);
    return snapshot;
  }
}
