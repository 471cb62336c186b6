import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { forbidden, notFound } from '../../common/app-error.js';
import { decodeCursor, encodeCursor, pageSize, type Connection } from '../../common/pagination.js';
import { one, rows } from '../../common/sql.js';
import { isUnitUser, type Viewer } from '../../common/viewer.js';
import type { MyTasksArgs, TasksArgs } from './dto/tasks.args.js';
import { toTaskModel, type TaskModel } from './dto/task.model.js';
import { cursorColumns, keysetCondition, orderBy, SORT_KEYS, taskFilterConditions, taskJoins, URGENCY_KEYS, type SortKey } from './task-ledger.sql.js';
import { taskVisibility } from './task-visibility.js';
import { SqlParams } from '../../common/sql.js';
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
    return this.page(viewer, args, URGENCY_KEYS, false, (p) => `t.tenant_id = ${p.add(viewer.tenantId)} AND t.unit_id = ${p.add(viewer.unitId)}`);
  }

  async task(viewer: Viewer, id: string): Promise<TaskModel> {
    return toTaskModel(await this.findVisible(this.dataSource, viewer, id));
  }

  /**
   * The task row if the viewer may see it, else NOT_FOUND (whether it exists elsewhere or not).
   * `forUpdate` locks it for the caller's transaction.
   */
  async findVisible(db: DataSource | EntityManager, viewer: Viewer, id: string, options: { forUpdate?: boolean } = {}): Promise<Record<string, any>> {
    const params = new SqlParams();
    const idParam = params.add(uuidArg(id, 'taskId'));
    const row = await one(
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
    const limit = pageSize(args.first);
    const cursor = decodeCursor(args.after, keys.length + 1);
    const params = new SqlParams();
    const where = [scope(params), ...taskFilterConditions(args.filter, params)];
    const countWhere = where.join(' AND ');
    const countSql = `SELECT count(*)::int AS n FROM task t ${taskJoins(countWhere)} WHERE ${countWhere}`;
    const countParams = [...params.values];
    if (cursor) where.push(keysetCondition(keys, cursor, descending, params));
    const pageWhere = where.join(' AND ');
    const order = orderBy(keys, descending);
    const [found, count] = await Promise.all([
      rows(
        this.dataSource,
        `SELECT t.*, ${cursorColumns(keys)} FROM task t ${taskJoins(pageWhere, order)}
          WHERE ${pageWhere} ORDER BY ${order} LIMIT ${limit + 1}`,
        params.values,
      ),
      one<{ n: number }>(this.dataSource, countSql, countParams),
    ]);
    const hasNextPage = found.length > limit;
    const pageRows = found.slice(0, limit);
    const last = pageRows[pageRows.length - 1];
    return {
      nodes: pageRows.map(toTaskModel),
      totalCount: count?.n ?? 0,
      pageInfo: {
        hasNextPage,
        endCursor: last ? encodeCursor([...keys.map((_, i) => last[`cursor_${i}`]), last.id]) : null,
      },
    };
  }
}
