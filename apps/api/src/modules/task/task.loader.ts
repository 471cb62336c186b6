import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byKeys, groupByKeys, loader } from '../../common/loaders.js';
import { rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import {
  toTaskHistoryEntryModel,
  type AuditLogRow,
  type TaskHistoryEntryModel,
} from './dto/task-history-entry.model.js';
import { toTaskMilestoneModel, type TaskMilestoneModel, type TaskMilestoneRow } from './dto/task-milestone.model.js';
import { toTaskModel, type TaskModel, type TaskRow } from './dto/task.model.js';
import { TASK_LIGHT_COLUMNS, type TaskLightRow } from './task-light.js';
import { TaskRulesService, type TenantTaskRules } from './task-rules.service.js';
import { taskVisibility } from './task-visibility.js';
import { SqlParams } from '../../common/sql.js';

/** Per-request batches for Task's relations: one query per relation however many tasks a page has. */
@Injectable()
export class TaskLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: TaskRulesService,
  ) {}

  /** Tasks by id, limited to what the viewer may see (other modules' rows point at tasks). */
  byId(req: object, viewer: Viewer): DataLoader<string, TaskModel | null> {
    return loader(
      req,
      'task.byId',
      () =>
        new DataLoader<string, TaskModel | null>(async (ids) => {
          const params = new SqlParams();
          const idsParam = params.add(ids);
          const found = await rows<TaskRow>(
            this.dataSource,
            `SELECT t.* FROM task t WHERE t.id = ANY(${idsParam}::uuid[]) AND ${taskVisibility(viewer, params)}`,
            params.values,
          );
          return byKeys(ids, found.map(toTaskModel), (t) => t.id);
        }),
    );
  }

  milestones(req: object, viewer: Viewer): DataLoader<string, TaskMilestoneModel[]> {
    return loader(
      req,
      'task.milestones',
      () =>
        new DataLoader<string, TaskMilestoneModel[]>(async (ids) => {
          const found = await rows<TaskMilestoneRow>(
            this.dataSource,
            `SELECT * FROM task_milestone WHERE tenant_id = $1 AND task_id = ANY($2::uuid[]) ORDER BY sort, date`,
            [viewer.tenantId, ids],
          );
          const grouped = groupByKeys(ids, found, (r) => r.task_id);
          return grouped.map((list) => list.map(toTaskMilestoneModel));
        }),
    );
  }

  /** The inputs of the light rule that the task row alone lacks (was a delay approved?). */
  lightRows(req: object, viewer: Viewer): DataLoader<string, TaskLightRow | null> {
    return loader(
      req,
      'task.lightRows',
      () =>
        new DataLoader<string, TaskLightRow | null>(async (ids) => {
          const found = await rows<TaskLightRow & { id: string }>(
            this.dataSource,
            `SELECT ${TASK_LIGHT_COLUMNS} FROM task t WHERE t.tenant_id = $1 AND t.id = ANY($2::uuid[])`,
            [viewer.tenantId, ids],
          );
          return byKeys(ids, found, (r) => r.id);
        }),
    );
  }

  /** The tenant's calendar and settings, read once per request. */
  rulesOf(req: object, viewer: Viewer): Promise<TenantTaskRules> {
    return loader(
      req,
      'task.rules',
      () =>
        new DataLoader<string, TenantTaskRules>((tenantIds) =>
          Promise.all(tenantIds.map((id) => this.rules.forTenant(id))),
        ),
    ).load(viewer.tenantId);
  }

  /**
   * Audit rows of each task and of everything hanging off it (reports, their evidence, delay
   * requests, urges), newest first. Matching on entity id covers whatever entity type names the
   * owning modules chose.
   */
  history(req: object, viewer: Viewer): DataLoader<string, TaskHistoryEntryModel[]> {
    return loader(
      req,
      'task.history',
      () =>
        new DataLoader<string, TaskHistoryEntryModel[]>(async (ids) => {
          const found = await rows<AuditLogRow & { task_id: string }>(
            this.dataSource,
            `WITH related (task_id, entity_id) AS (
             SELECT id, id FROM task WHERE tenant_id = $1 AND id = ANY($2::uuid[])
             UNION ALL SELECT task_id, id FROM progress_report WHERE tenant_id = $1 AND task_id = ANY($2::uuid[])
             UNION ALL SELECT r.task_id, e.id FROM report_evidence e
               JOIN progress_report r ON r.tenant_id = e.tenant_id AND r.id = e.report_id
               WHERE e.tenant_id = $1 AND r.task_id = ANY($2::uuid[])
             UNION ALL SELECT task_id, id FROM delay_request WHERE tenant_id = $1 AND task_id = ANY($2::uuid[])
             UNION ALL SELECT task_id, id FROM urge WHERE tenant_id = $1 AND task_id = ANY($2::uuid[])
           )
           SELECT related.task_id, a.*, au.display_name AS actor_name
             FROM related
             JOIN audit_log a ON a.tenant_id = $1 AND a.entity_id = related.entity_id
                  -- Who read or downloaded what is for the auditor, not part of the task's story.
                  AND a.action <> 'read' AND a.entity_type <> 'download'
             LEFT JOIN app_user au ON au.tenant_id = a.tenant_id AND au.id = a.actor_id
            ORDER BY a.at DESC, a.id DESC`,
            [viewer.tenantId, ids],
          );
          return groupByKeys(ids, found, (r) => r.task_id).map((list) => list.map(toTaskHistoryEntryModel));
        }),
    );
  }
}
