import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { forbidden, notFound } from '../../common/app-error.js';
import { Keyset, type SortKey } from '../../common/keyset-page.js';
import type { Connection } from '../../common/pagination.js';
import { one, SqlParams } from '../../common/sql.js';
import { isUnitUser, type Viewer } from '../../common/viewer.js';
import type { MyTasksArgs, TasksArgs } from './dto/tasks.args.js';
import { toTaskModel, type TaskModel, type TaskRow } from './dto/task.model.js';
import { SORT_KEYS, taskFilterConditions, taskJoins, URGENCY_KEYS } from './task-ledger.sql.js';
import { taskVisibility } from './task-visibility.js';
import { uuidArg } from '../../common/validation.js';

/** Ledger reads. Every query starts from taskVisibility, so nobody reads past their tenant or unit. */
@Injectable()
export class TaskService {
  constructor(private readonly dataSource: DataSource) {}

  tasks(viewer: Viewer, args: TasksArgs): Promise<Connection<TaskModel>> {
    const field = args.sort?.field ?? 'DUE_DATE';
    return this.page(viewer, args, SORT_KEYS[field], args.sort?.direction === 'DESC', (p) => taskVisibility(viewer, p));
  }

  /** The unit's own tasks (not the co-units it coordinates), most urgent first. */
  myTasks(viewer: Viewer, args: MyTasksArgs): Promise<Connection<TaskModel>> {
    if (!isUnitUser(viewer) || !viewer.unitId) throw forbidden('只有承办单位用户有“我的任务”');
    return this.page(
      viewer,
      args,
      URGENCY_KEYS,
      false,
      (p) => `t.tenant_id = ${p.add(viewer.tenantId)} AND t.unit_id = ${p.add(viewer.unitId)}`,
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
  ): Promise<Connection<TaskModel>> {
    const ks = new Keyset({ keys, id: 't.id', descending, first: args.first, after: args.after });
    const params = new SqlParams();
    const where = [scope(params), ...taskFilterConditions(args.filter, params)];
    const countWhere = where.join(' AND ');
    const countSql = `SELECT count(*)::int AS n FROM task t ${taskJoins(countWhere)} WHERE ${countWhere}`;
    const countParams = params.values.length;
    const pageWhere = `${countWhere} AND ${ks.after(params)}`;
    const { found, totalCount } = await ks.fetch<TaskRow>(
      this.dataSource,
      (total) => `SELECT t.*, ${ks.columns}, ${total} FROM task t ${taskJoins(pageWhere, ks.orderBy)}
          WHERE ${pageWhere} ORDER BY ${ks.orderBy} ${ks.limit}`,
      countSql,
      params.values,
      countParams,
    );
    return ks.page(found, totalCount, toTaskModel);
  }
}
