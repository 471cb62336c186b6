import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { forbidden, notFound } from '../../common/app-error.js';
import { Keyset, type SortKey } from '../../common/keyset-page.js';
import type { Connection } from '../../common/pagination.js';
import { fromJsonRow, one, SqlParams } from '../../common/sql.js';
import { isUnitUser, type Viewer } from '../../common/viewer.js';
import type { MyTasksArgs, TasksArgs } from './dto/tasks.args.js';
import { toTaskModel, type TaskModel, type TaskRow } from './dto/task.model.js';
import { SORT_KEYS, taskFilterConditions, taskJoins, URGENCY_KEYS } from './task-ledger.sql.js';
import { taskVisibility } from './task-visibility.js';
import { toKeyPointModel, type KeyPointModel, type KeyPointRow } from '../plan/index.js';
import { uuidArg } from '../../common/validation.js';

/**
 * A unit's own tasks with their key points, which the list shows: read by index in the page's own
 * statement (after its LIMIT) instead of by a loader's statement. Only there: a unit has one task per key
 * point, while the ledger's rows share key points, and for the ledger the copies cost PostgreSQL and the
 * API more CPU than the loader's statement (measured side by side on the bench province).
 */
export type OwnTasksPage = Connection<TaskModel> & { keyPoints: KeyPointModel[] };

/** Each page row's key point, as JSON: one index probe per row returned. */
const KEY_POINT_OF_ROW = `(SELECT row_to_json(k) FROM key_point k WHERE k.tenant_id = t.tenant_id AND k.id = t.key_point_id) AS key_point_`;

/** Ledger reads. Every query starts from taskVisibility, so nobody reads past their tenant or unit. */
@Injectable()
export class TaskService {
  constructor(private readonly dataSource: DataSource) {}

  async tasks(viewer: Viewer, args: TasksArgs): Promise<Connection<TaskModel>> {
    const field = args.sort?.field ?? 'DUE_DATE';
    const { keyPoints: _, ...page } = await this.page(
      viewer,
      args,
      SORT_KEYS[field],
      args.sort?.direction === 'DESC',
      (p) => taskVisibility(viewer, p),
    );
    return page;
  }

  /** The unit's own tasks (not the co-units it coordinates), most urgent first. */
  myTasks(viewer: Viewer, args: MyTasksArgs): Promise<OwnTasksPage> {
    if (!isUnitUser(viewer) || !viewer.unitId) throw forbidden('只有承办单位用户有“我的任务”');
    return this.page(
      viewer,
      args,
      URGENCY_KEYS,
      false,
      (p) => `t.tenant_id = ${p.add(viewer.tenantId)} AND t.unit_id = ${p.add(viewer.unitId)}`,
      true,
    );
  }

  async task(viewer: Viewer, id: string): Promise<TaskModel> {
    return toTaskModel(await this.findVisible(this.dataSource, viewer, id));
  }

  /**
   * The task row if the viewer may see it, else NOT_FOUND (whether it exists elsewhere or not).
   * `forUpdate` locks it for the caller's transaction.
   */
  async findVisible(
    db: DataSource | EntityManager,
    viewer: Viewer,
    id: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<TaskRow> {
    const params = new SqlParams();
    const idParam = params.add(uuidArg(id, 'taskId'));
    const row = await one<TaskRow>(
      db,
      `SELECT t.* FROM task t WHERE t.id = ${idParam} AND ${taskVisibility(viewer, params)}${options.forUpdate ? ' FOR UPDATE OF t' : ''}`,
      params.values,
    );
    if (!row) throw notFound('任务');
    return row;
  }

  private async page(
    viewer: Viewer,
    args: TasksArgs | MyTasksArgs,
    keys: SortKey[],
    descending: boolean,
    scope: (p: SqlParams) => string,
    withKeyPoints = false,
  ): Promise<OwnTasksPage> {
    const ks = new Keyset({ keys, id: 't.id', descending, first: args.first, after: args.after });
    const params = new SqlParams();
    const where = [scope(params), ...taskFilterConditions(args.filter, params)];
    const countWhere = where.join(' AND ');
    const countSql = `SELECT count(*)::int AS n FROM task t ${taskJoins(countWhere)} WHERE ${countWhere}`;
    const countParams = params.values.length;
    const pageWhere = `${countWhere} AND ${ks.after(params)}`;
    const { found, totalCount } = await ks.fetch<TaskRow & { key_point_: KeyPointRow | null }>(
      this.dataSource,
      (
        total,
      ) => `SELECT t.*, ${ks.columns}, ${withKeyPoints ? `${KEY_POINT_OF_ROW}, ` : ''}${total} FROM task t ${taskJoins(pageWhere, ks.orderBy)}
          WHERE ${pageWhere} ORDER BY ${ks.orderBy} ${ks.limit}`,
      countSql,
      params.values,
      countParams,
    );
    const keyPoints = new Map<string, KeyPointModel>();
    for (const row of found) {
      if (row.key_point_ && !keyPoints.has(row.key_point_.id))
        keyPoints.set(row.key_point_.id, toKeyPointModel(fromJsonRow<KeyPointRow>(row.key_point_)));
    }
    return { ...ks.page(found, totalCount, toTaskModel), keyPoints: [...keyPoints.values()] };
  }
}
