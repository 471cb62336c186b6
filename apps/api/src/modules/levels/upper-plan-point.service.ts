import { Injectable } from '@nestjs/common';
import { proposeUpperLinks, type LinkCandidate } from '@duban/plan-parser';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/app-error.js';
import { one, rows } from '../../common/sql.js';
import { isUuid, uuidArg } from '../../common/validation.js';
import type { Viewer } from '../../common/viewer.js';
import { runInTenant, runOutsideTenant } from '../../database/tenant-context.js';
import { logger } from '../../logging/logger.js';
import { AuditService } from '../audit/index.js';
import { toPlanModel, type PlanModel, type PlanRow } from '../plan/index.js';
import { QueueService } from '../queue/index.js';
import type { KeyPointUpperLinksModel, UpperPlanPointModel } from './dto/upper-plan-point.model.js';
import {
  MAX_UPPER_POINTS,
  replaceUpperPoints,
  UPPER_POINT_COLUMNS,
  UPPER_PUBLISHED_POINTS_SQL,
  type UpperPointRow,
  type UpperPublishedPointRow,
} from './upper-plan-point.sql.js';

const MAX_LINKS_PER_KEY_POINT = 10;

const toPoint = (r: UpperPointRow): UpperPlanPointModel => ({
  id: r.id,
  planYear: r.plan_year,
  planTitle: r.plan_title,
  sectionTitle: r.section_title,
  seq: r.seq,
  label: r.label,
  title: r.title,
  text: r.text,
  refreshedAt: r.refreshed_at,
});

/**
 * 上下联动, key points: the lower tenant's read model of what its upper tenant published, and the links
 * of its own key points to it. The refresh is the only code that reads the upper tenant, and it does so
 * in the upper's own scope (row-level security as the upper) and copies key point words only; the lower
 * office's queries read nothing but its own rows.
 */
@Injectable()
export class UpperPlanPointService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly queue: QueueService,
  ) {}

  /** Rebuilds a lower tenant's copy of its upper's published key points (emptied when it has no upper). */
  async refresh(lowerTenantId: string): Promise<number> {
    const self = await runOutsideTenant(() =>
      one<{ upper_tenant_id: string | null }>(this.dataSource, `SELECT upper_tenant_id FROM tenant WHERE id = $1`, [
        lowerTenantId,
      ]),
    );
    const upperId: string | null = self?.upper_tenant_id ?? null;
    const points = upperId
      ? await runInTenant(upperId, () =>
          rows<UpperPublishedPointRow>(this.dataSource, UPPER_PUBLISHED_POINTS_SQL, [upperId, MAX_UPPER_POINTS]),
        )
      : [];
    await runInTenant(lowerTenantId, () =>
      this.dataSource.transaction((m) => replaceUpperPoints(m, lowerTenantId, upperId, points)),
    );
    return points.length;
  }

  /**
   * The upper tenant published or changed its plan: each lower tenant's copy is rebuilt by a queued job
   * (any API process works it), or right here when this process runs no jobs.
   */
  async upperChanged(upperTenantId: string): Promise<void> {
    const lowers = await runOutsideTenant(() =>
      rows<{ id: string }>(this.dataSource, `SELECT id FROM tenant WHERE upper_tenant_id = $1`, [upperTenantId]),
    );
    for (const { id } of lowers) {
      if (this.queue.running)
        await this.queue.send('upper-plan-points', { tenantId: id }, { singletonKey: id, singletonSeconds: 5 });
      else
        await this.refresh(id).catch((err: unknown) =>
          logger().error({ err, tenantId: id }, 'upper key points refresh failed'),
        );
    }
  }

  async list(viewer: Viewer): Promise<UpperPlanPointModel[]> {
    const found = await rows<UpperPointRow>(
      this.dataSource,
      `SELECT ${UPPER_POINT_COLUMNS} FROM upper_plan_point u WHERE u.tenant_id = $1 ORDER BY u.plan_year DESC, u.seq, u.id`,
      [viewer.tenantId],
    );
    return found.map(toPoint);
  }

  /** Every key point of a plan of this tenant with its confirmed links and Duban's proposals. */
  async planLinks(viewer: Viewer, planId: string): Promise<KeyPointUpperLinksModel[]> {
    if (!isUuid(planId)) throw notFound('计划');
    const plan = await one<{ id: string }>(this.dataSource, `SELECT id FROM plan WHERE tenant_id = $1 AND id = $2`, [
      viewer.tenantId,
      planId,
    ]);
    if (!plan) throw notFound('计划');
    return this.linksOf(this.dataSource, viewer.tenantId, `k.plan_id = $2`, planId);
  }

  /**
   * Replaces a key point's links with the upper key points given (empty: none), if nobody changed them
   * since the office read them (`version`, the key point's upper_links_version).
   */
  async setLinks(
    viewer: Viewer,
    keyPointId: string,
    upperPointIds: string[],
    version: number,
  ): Promise<KeyPointUpperLinksModel> {
    if (!isUuid(keyPointId)) throw notFound('工作要点');
    const wanted = [...new Set(upperPointIds.map((id) => uuidArg(id, 'upperPointIds').toLowerCase()))];
    if (wanted.length > MAX_LINKS_PER_KEY_POINT)
      throw badInput(`一项工作要点最多关联 ${MAX_LINKS_PER_KEY_POINT} 项上级工作要点`, 'upperPointIds');
    return this.dataSource.transaction(async (m) => {
      const kp = await one<{ upper_links_version: number }>(
        m,
        `SELECT id, upper_links_version FROM key_point WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
        [viewer.tenantId, keyPointId],
      );
      if (!kp) throw notFound('工作要点');
      const known = await rows<{ id: string }>(
        m,
        `SELECT id FROM upper_plan_point WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
        [viewer.tenantId, wanted],
      );
      if (known.length !== wanted.length) throw notFound('上级工作要点');
      if (kp.upper_links_version !== version) throw conflict('这项工作要点对应的上级要点已被他人修改，请刷新后重试');
      const before = await rows<{ upper_point_id: string }>(
        m,
        `SELECT upper_point_id FROM key_point_upper_link WHERE tenant_id = $1 AND key_point_id = $2 ORDER BY upper_point_id`,
        [viewer.tenantId, keyPointId],
      );
      await m.query(
        `DELETE FROM key_point_upper_link WHERE tenant_id = $1 AND key_point_id = $2 AND NOT (upper_point_id = ANY($3::uuid[]))`,
        [viewer.tenantId, keyPointId, wanted],
      );
      await m.query(
        `INSERT INTO key_point_upper_link (tenant_id, key_point_id, upper_point_id, created_by)
         SELECT $1, $2, unnest($3::uuid[]), $4 ON CONFLICT DO NOTHING`,
        [viewer.tenantId, keyPointId, wanted, viewer.userId],
      );
      await m.query(
        `UPDATE key_point SET upper_links_version = upper_links_version + 1 WHERE tenant_id = $1 AND id = $2`,
        [viewer.tenantId, keyPointId],
      );
      await this.audit.record(m, viewer, {
        entityType: 'key_point',
        entityId: keyPointId,
        action: 'key_point.upper_links',
        before: { upperPointIds: before.map((b) => b.upper_point_id) },
        after: { upperPointIds: [...wanted].sort() },
      });
      return (await this.linksOf(m, viewer.tenantId, `k.id = $2`, keyPointId))[0]!;
    });
  }

  /**
   * 据上级要点起草: a new draft plan with the upper's published key points of a year (default: the
   * latest) copied under their sections and each linked to its source, ready for the office to assign
   * its own units.
   */
  async startDraft(viewer: Viewer, year: number | null): Promise<PlanModel> {
    return this.dataSource.transaction(async (m) => {
      const points = await rows<UpperPointRow>(
        m,
        `SELECT ${UPPER_POINT_COLUMNS} FROM upper_plan_point u
          WHERE u.tenant_id = $1 AND u.plan_year = coalesce($2, (SELECT max(plan_year) FROM upper_plan_point WHERE tenant_id = $1))
          ORDER BY u.seq, u.id`,
        [viewer.tenantId, year],
      );
      if (!points.length && year !== null) throw badInput(`上级机构没有已发布的 ${year} 年工作要点`, 'year');
      if (!points.length) throw badInput('还没有上级机构已发布的工作要点：请先关联上级机构，并等上级发布计划后再试');
      const planYear = points[0]!.plan_year as number;
      const plan = (await one<PlanRow>(
        m,
        `INSERT INTO plan (tenant_id, year, title, source_text, created_by) VALUES ($1, $2, $3, NULL, $4) RETURNING *`,
        [
          viewer.tenantId,
          planYear,
          `${planYear}年政务公开工作要点（据上级《${points[0]!.plan_title}》起草）`,
          viewer.userId,
        ],
      ))!;
      const sectionTitles = [...new Set(points.map((p) => p.section_title).filter((t): t is string => !!t))];
      const sections = await rows<{ id: string; title: string }>(
        m,
        `INSERT INTO plan_section (tenant_id, plan_id, label, title, sort)
         SELECT $1, $2, '', t, o::int FROM unnest($3::text[]) WITH ORDINALITY AS s(t, o) RETURNING id, title`,
        [viewer.tenantId, plan.id, sectionTitles],
      );
      const sectionOf = new Map(sections.map((s) => [s.title, s.id]));
      const keyPoints = await rows<{ id: string; seq: number }>(
        m,
        `INSERT INTO key_point (tenant_id, plan_id, section_id, seq, label, title, text)
         SELECT $1, $2, * FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[]) RETURNING id, seq`,
        [
          viewer.tenantId,
          plan.id,
          points.map((p) => (p.section_title ? sectionOf.get(p.section_title) : null) ?? null),
          points.map((_, i) => i + 1),
          points.map((p) => p.label),
          points.map((p) => p.title),
          points.map((p) => p.text),
        ],
      );
      const bySeq = new Map(keyPoints.map((k) => [k.seq, k.id]));
      await m.query(
        `INSERT INTO key_point_upper_link (tenant_id, key_point_id, upper_point_id, score, created_by)
         SELECT $1, k, u, 1, $4 FROM unnest($2::uuid[], $3::uuid[]) AS x(k, u)`,
        [viewer.tenantId, points.map((_, i) => bySeq.get(i + 1)), points.map((p) => p.id), viewer.userId],
      );
      await this.audit.record(m, viewer, {
        entityType: 'plan',
        entityId: plan.id,
        action: 'plan.start_from_upper',
        after: { year: planYear, keyPoints: points.length, upperPlanTitle: points[0]!.plan_title },
      });
      return toPlanModel(plan);
    });
  }

  /** Key points matching `where` ($1 tenant, $2 the one parameter), each with links and proposals. */
  private async linksOf(
    db: DataSource | EntityManager,
    tenantId: string,
    where: string,
    param: string,
  ): Promise<KeyPointUpperLinksModel[]> {
    const keyPoints = await rows<{
      id: string;
      title: string;
      text: string;
      section_title: string | null;
      year: number;
      upper_links_version: number;
    }>(
      db,
      `SELECT k.id, k.title, k.text, s.title AS section_title, p.year, k.upper_links_version FROM key_point k
         JOIN plan p ON p.tenant_id = k.tenant_id AND p.id = k.plan_id
         LEFT JOIN plan_section s ON s.tenant_id = k.tenant_id AND s.id = k.section_id
        WHERE k.tenant_id = $1 AND ${where} ORDER BY k.seq, k.id`,
      [tenantId, param],
    );
    const points = (
      await rows<UpperPointRow>(
        db,
        `SELECT ${UPPER_POINT_COLUMNS} FROM upper_plan_point u WHERE u.tenant_id = $1 ORDER BY u.plan_year DESC, u.seq`,
        [tenantId],
      )
    ).map(toPoint);
    const links = await rows<{ key_point_id: string; upper_point_id: string }>(
      db,
      `SELECT key_point_id, upper_point_id FROM key_point_upper_link WHERE tenant_id = $1 AND key_point_id = ANY($2::uuid[])`,
      [tenantId, keyPoints.map((k) => k.id)],
    );
    const pointById = new Map(points.map((p) => [p.id, p]));
    const lowerCandidates: LinkCandidate[] = keyPoints.map((k) => ({
      id: k.id,
      title: k.title,
      text: k.text,
      sectionTitle: k.section_title,
    }));
    // A plan implements the upper plan of its own year; without one yet, the upper's latest.
    const year = keyPoints[0]?.year;
    const sameYear = points.filter((p) => p.planYear === year);
    const proposable = sameYear.length ? sameYear : points.filter((p) => p.planYear === points[0]?.planYear);
    const proposals = proposable.length ? proposeUpperLinks(lowerCandidates, proposable) : [];
    return keyPoints.map((k) => {
      const linked = links
        .filter((l) => l.key_point_id === k.id)
        .map((l) => pointById.get(l.upper_point_id)!)
        .filter(Boolean);
      const linkedIds = new Set(linked.map((p) => p.id));
      const proposed = proposals
        .filter((p) => p.lowerId === k.id && !linkedIds.has(p.upperId))
        .map((p) => ({ point: pointById.get(p.upperId)!, score: Math.round(p.score * 1000) / 1000 }));
      return {
        keyPointId: k.id,
        version: k.upper_links_version,
        linked: linked.sort((a, b) => a.seq - b.seq),
        proposed,
      };
    });
  }
}
