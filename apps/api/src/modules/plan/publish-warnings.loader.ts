import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@duban/domain';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { groupByKeys, loader } from '../../common/loaders.js';
import { rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { hasActivePerson, toUnitModel, type UnitModel, type UnitRow } from '../unit/index.js';
import { toPlanModel, type PlanModel, type PlanRow } from './dto/plan.model.js';
import { pastTimeLimits, type KeyPointDates, type PastTimeLimit } from './publish-warnings.js';
import { tenantDefaultDueDate } from './tenant-due-default.js';

/** A draft key point with its time limits, as the past-time-limit check reads it. */
interface DraftKeyPointDatesRow {
  plan_id: string;
  year: number;
  id: string;
  label: string;
  title: string;
  due_date: string | null;
  deadlines: KeyPointDates['deadlines'];
}

/** What would go wrong when a draft is published, batched per request like the plan's other parts. */
@Injectable()
export class PublishWarningsLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Units the draft gives tasks to that have no liaison account: nobody there would see the tasks. */
  unitsWithoutLiaison(req: object, viewer: Viewer): DataLoader<string, UnitModel[]> {
    return loader(
      req,
      'plan.unitsWithoutLiaison',
      () =>
        new DataLoader<string, UnitModel[]>(async (planIds) => {
          const found = await rows<UnitRow & { plan_id: string }>(
            this.dataSource,
            `SELECT x.plan_id, u.* FROM unit u
           JOIN (SELECT DISTINCT k.plan_id, ku.unit_id FROM key_point_unit ku
                   JOIN key_point k ON k.tenant_id = ku.tenant_id AND k.id = ku.key_point_id
                  WHERE k.tenant_id = $1 AND k.plan_id = ANY($2::uuid[]) AND ku.unit_id IS NOT NULL) x ON u.id = x.unit_id
           WHERE u.tenant_id = $1 AND NOT ${hasActivePerson('u', "'UNIT_LIAISON'")}
           ORDER BY u.sort, u.name`,
            [viewer.tenantId, planIds],
          );
          return groupByKeys(planIds, found, (r) => r.plan_id).map((list) => list.map(toUnitModel));
        }),
    );
  }

  /** Time limits of draft plans that have passed (published plans: none to warn about). */
  pastTimeLimits(req: object, viewer: Viewer): DataLoader<string, PastTimeLimit[]> {
    return loader(
      req,
      'plan.pastTimeLimits',
      () =>
        new DataLoader<string, PastTimeLimit[]>(async (planIds) => {
          const today = shanghaiDate(this.clock.now());
          const keyPoints = await rows<DraftKeyPointDatesRow>(
            this.dataSource,
            `SELECT k.plan_id, p.year, k.id, k.label, k.title, k.due_date,
                  coalesce((SELECT json_agg(json_build_object('text', d.text, 'date', d.date) ORDER BY d.sort) FROM key_point_deadline d
                             WHERE d.tenant_id = k.tenant_id AND d.key_point_id = k.id), '[]') AS deadlines
           FROM key_point k JOIN plan p ON p.tenant_id = k.tenant_id AND p.id = k.plan_id
           WHERE k.tenant_id = $1 AND k.plan_id = ANY($2::uuid[]) AND p.status = 'DRAFT'
             AND EXISTS (SELECT 1 FROM key_point_unit ku WHERE ku.tenant_id = k.tenant_id AND ku.key_point_id = k.id)
           ORDER BY k.seq`,
            [viewer.tenantId, planIds],
          );
          const defaults = new Map<number, string>();
          for (const year of new Set(keyPoints.map((k) => k.year)))
            defaults.set(year, await tenantDefaultDueDate(this.dataSource, viewer.tenantId, year));
          return groupByKeys(planIds, keyPoints, (k) => k.plan_id).map((list) =>
            list.length
              ? pastTimeLimits(
                  list.map((k) => ({
                    id: k.id,
                    label: k.label,
                    title: k.title,
                    dueDate: k.due_date,
                    deadlines: k.deadlines,
                  })),
                  today,
                  defaults.get(list[0].year)!,
                )
              : [],
          );
        }),
    );
  }

  defaultDueDate(viewer: Viewer, year: number): Promise<string> {
    return tenantDefaultDueDate(this.dataSource, viewer.tenantId, year);
  }

  /** Other plans of the tenant with the same 文号 or the same imported text. */
  duplicatePlans(req: object, viewer: Viewer): DataLoader<string, PlanModel[]> {
    return loader(
      req,
      'plan.duplicates',
      () =>
        new DataLoader<string, PlanModel[]>(async (planIds) => {
          const found = await rows<PlanRow & { for_plan: string }>(
            this.dataSource,
            `SELECT p.id AS for_plan, d.* FROM plan p
           JOIN plan d ON d.tenant_id = p.tenant_id AND d.id <> p.id
             AND ((p.doc_key IS NOT NULL AND d.doc_key = p.doc_key) OR (p.source_hash IS NOT NULL AND d.source_hash = p.source_hash))
           WHERE p.tenant_id = $1 AND p.id = ANY($2::uuid[])
           ORDER BY d.created_at`,
            [viewer.tenantId, planIds],
          );
          return groupByKeys(planIds, found, (r) => r.for_plan).map((list) => list.map(toPlanModel));
        }),
    );
  }
}
