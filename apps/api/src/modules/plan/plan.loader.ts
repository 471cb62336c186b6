import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byKeys, groupByKeys, loader } from '../../common/loaders.js';
import { rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { toUnitModel, type UnitModel, type UnitRow } from '../unit/index.js';
import {
  toDeadlineModel,
  toMilestoneModel,
  type KeyPointDeadlineModel,
  type PlanMilestoneModel,
} from './dto/deadline.model.js';
import { toInstructionModel, type InstructionModel } from './dto/instruction.model.js';
import { toKeyPointModel, toSectionModel, type KeyPointModel, type PlanSectionModel } from './dto/key-point.model.js';
import { toKeyPointUnitModel, type KeyPointUnitModel } from './dto/key-point-unit.model.js';
import { PLAN_READ_COLUMNS, toPlanModel, type PlanModel } from './dto/plan.model.js';
import type { PublishPreviewModel } from './dto/publish-preview.model.js';
import { PUBLISH_PREVIEW_SQL, toPublishPreview, type PublishPreviewRow } from './publish-preview.sql.js';

/**
 * Plans and everything hanging off them, batched per request and filtered by the viewer's tenant:
 * a plan with 200 key points costs one query per relation, not one per key point.
 */
@Injectable()
export class PlanLoader {
  constructor(private readonly dataSource: DataSource) {}

  private byIdLoader<R, T extends { id: string }>(
    req: object,
    viewer: Viewer,
    table: string,
    map: (r: R) => T,
    columns = '*',
  ) {
    return loader(
      req,
      `${table}.byId`,
      () =>
        new DataLoader<string, T | null>(async (ids) => {
          const found = await rows<R>(
            this.dataSource,
            `SELECT ${columns} FROM ${table} WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
            [viewer.tenantId, ids],
          );
          return byKeys(ids, found.map(map), (x) => x.id);
        }),
    );
  }

  /** Rows of `sql` (which must filter `tenant_id = $1` and `<column> = ANY($2)`) grouped by that column. */
  private groupLoader<R, T>(
    req: object,
    viewer: Viewer,
    key: string,
    sql: string,
    column: keyof R & string,
    map: (r: R) => T,
  ) {
    return loader(
      req,
      key,
      () =>
        new DataLoader<string, T[]>(async (ids) => {
          const found = await rows<R>(this.dataSource, sql, [viewer.tenantId, ids]);
          return groupByKeys(ids, found, (r) => r[column] as string).map((list) => list.map(map));
        }),
    );
  }

  plan(req: object, viewer: Viewer): DataLoader<string, PlanModel | null> {
    return this.byIdLoader(req, viewer, 'plan', toPlanModel, PLAN_READ_COLUMNS);
  }

  /** A plan's imported text, read only where a query asks for `sourceText` of a plan read without it. */
  sourceText(req: object, viewer: Viewer): DataLoader<string, string | null> {
    return loader(
      req,
      'plan.sourceText',
      () =>
        new DataLoader<string, string | null>(async (ids) => {
          const found = await rows<{ id: string; source_text: string | null }>(
            this.dataSource,
            `SELECT id, source_text FROM plan WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
            [viewer.tenantId, ids],
          );
          return byKeys(ids, found, (r) => r.id).map((r) => r?.source_text ?? null);
        }),
    );
  }

  section(req: object, viewer: Viewer): DataLoader<string, PlanSectionModel | null> {
    return this.byIdLoader(req, viewer, 'plan_section', toSectionModel);
  }

  keyPoint(req: object, viewer: Viewer): DataLoader<string, KeyPointModel | null> {
    return this.byIdLoader(req, viewer, 'key_point', toKeyPointModel);
  }

  sectionsOfPlan(req: object, viewer: Viewer): DataLoader<string, PlanSectionModel[]> {
    const sql = `SELECT * FROM plan_section WHERE tenant_id = $1 AND plan_id = ANY($2::uuid[]) ORDER BY sort`;
    return this.groupLoader(req, viewer, 'plan_section.byPlan', sql, 'plan_id', toSectionModel);
  }

  keyPointsOfPlan(req: object, viewer: Viewer): DataLoader<string, KeyPointModel[]> {
    const sql = `SELECT * FROM key_point WHERE tenant_id = $1 AND plan_id = ANY($2::uuid[]) ORDER BY seq, created_at`;
    return this.groupLoader(req, viewer, 'key_point.byPlan', sql, 'plan_id', toKeyPointModel);
  }

  childrenOfKeyPoint(req: object, viewer: Viewer): DataLoader<string, KeyPointModel[]> {
    const sql = `SELECT * FROM key_point WHERE tenant_id = $1 AND parent_id = ANY($2::uuid[]) ORDER BY seq, created_at`;
    return this.groupLoader(req, viewer, 'key_point.byParent', sql, 'parent_id', toKeyPointModel);
  }

  milestonesOfPlan(req: object, viewer: Viewer): DataLoader<string, PlanMilestoneModel[]> {
    const sql = `SELECT * FROM plan_milestone WHERE tenant_id = $1 AND plan_id = ANY($2::uuid[]) ORDER BY sort`;
    return this.groupLoader(req, viewer, 'plan_milestone.byPlan', sql, 'plan_id', toMilestoneModel);
  }

  deadlinesOfKeyPoint(req: object, viewer: Viewer): DataLoader<string, KeyPointDeadlineModel[]> {
    const sql = `SELECT * FROM key_point_deadline WHERE tenant_id = $1 AND key_point_id = ANY($2::uuid[]) ORDER BY sort`;
    return this.groupLoader(req, viewer, 'key_point_deadline.byKeyPoint', sql, 'key_point_id', toDeadlineModel);
  }

  unitsOfKeyPoint(req: object, viewer: Viewer): DataLoader<string, KeyPointUnitModel[]> {
    const sql = `SELECT * FROM key_point_unit WHERE tenant_id = $1 AND key_point_id = ANY($2::uuid[]) ORDER BY sort`;
    return this.groupLoader(req, viewer, 'key_point_unit.byKeyPoint', sql, 'key_point_id', toKeyPointUnitModel);
  }

  instructionsOfKeyPoint(req: object, viewer: Viewer): DataLoader<string, InstructionModel[]> {
    const sql = `
      SELECT i.*, u.display_name AS author_name
      FROM instruction i LEFT JOIN app_user u ON u.tenant_id = i.tenant_id AND u.id = i.author_id
      WHERE i.tenant_id = $1 AND i.key_point_id = ANY($2::uuid[])
      ORDER BY i.created_at, i.id`;
    return this.groupLoader(req, viewer, 'instruction.byKeyPoint', sql, 'key_point_id', toInstructionModel);
  }

  publishPreview(req: object, viewer: Viewer): DataLoader<string, PublishPreviewModel> {
    return loader(
      req,
      'plan.publishPreview',
      () =>
        new DataLoader<string, PublishPreviewModel>(async (ids) => {
          const found = await rows<PublishPreviewRow>(this.dataSource, PUBLISH_PREVIEW_SQL, [viewer.tenantId, ids]);
          return byKeys(ids, found, (r) => r.plan_id).map(toPublishPreview);
        }),
    );
  }

  /** The tenant's active units, loaded once per request (resolving names needs the whole directory). */
  unitDirectory(req: object, viewer: Viewer): DataLoader<string, UnitModel[]> {
    return loader(
      req,
      'unit.directory',
      () =>
        new DataLoader<string, UnitModel[]>(async (tenantIds) => {
          const found = await rows<UnitRow>(
            this.dataSource,
            `SELECT * FROM unit WHERE tenant_id = $1 AND active ORDER BY sort, name`,
            [viewer.tenantId],
          );
          return tenantIds.map(() => found.map(toUnitModel));
        }),
    );
  }
}
