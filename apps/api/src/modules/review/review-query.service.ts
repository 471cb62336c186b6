import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { badInput, notFound } from '../../common/app-error.js';
import { byKeys, loader } from '../../common/loaders.js';
import { Keyset } from '../../common/keyset-page.js';
import type { Connection } from '../../common/pagination.js';
import { one, rows, SqlParams } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import type { ReviewVerdict } from '@duban/domain';
import { type TaskModel, type TaskRow, taskVisibility, toTaskModel } from '../task/index.js';
import type { RectificationTasksArgs, ReviewItemsArgs, ReviewsArgs } from './dto/review.args.js';
import { toReviewItemModel, type ReviewItemModel, type ReviewItemRow } from './dto/review-item.model.js';
import {
  PROGRESS_COLUMNS,
  toReviewModel,
  toReviewProgress,
  type ReviewModel,
  type ReviewProgressModel,
  type ReviewProgressRow,
  type ReviewRow,
} from './dto/review.model.js';
import type { TaskRectificationModel } from './dto/task-rectification.model.js';
import { uuidArg } from '../../common/validation.js';

/** Review reads: every query is bounded by the viewer's tenant; pages are keyset-paginated. */
@Injectable()
export class ReviewQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async review(viewer: Viewer, id: string): Promise<ReviewModel> {
    const row = await one<ReviewRow>(this.dataSource, `SELECT * FROM review WHERE tenant_id = $1 AND id = $2`, [
      viewer.tenantId,
      uuidArg(id, 'id'),
    ]);
    if (!row) throw notFound('回头看');
    return toReviewModel(row);
  }

  /** Newest first. */
  async reviews(viewer: Viewer, args: ReviewsArgs): Promise<Connection<ReviewModel>> {
    const ks = new Keyset({
      keys: [{ expr: 'r.opened_at', cast: 'timestamptz' }],
      id: 'r.id',
      descending: true,
      first: args.first,
      after: args.after,
    });
    const p = new SqlParams([viewer.tenantId]);
    const where = ['r.tenant_id = $1'];
    if (args.planId) where.push(`r.plan_id = ${p.add(uuidArg(args.planId, 'planId'))}`);
    const total = await one<{ n: number }>(
      this.dataSource,
      `SELECT count(*)::int AS n FROM review r WHERE ${where.join(' AND ')}`,
      p.values,
    );
    where.push(ks.after(p));
    const found = await rows<ReviewRow>(
      this.dataSource,
      `SELECT r.*, ${ks.columns} FROM review r WHERE ${where.join(' AND ')} ORDER BY ${ks.orderBy} ${ks.limit}`,
      p.values,
    );
    return ks.page(found, total!.n, toReviewModel);
  }

  /** A review's items in key point order; the filter narrows by verdict, unit or pending. */
  async items(viewer: Viewer, reviewId: string, args: ReviewItemsArgs): Promise<Connection<ReviewItemModel>> {
    const ks = new Keyset({
      keys: [{ expr: 'k.seq', cast: 'int' }],
      id: 'i.id',
      descending: false,
      first: args.first,
      after: args.after,
    });
    const p = new SqlParams([viewer.tenantId, reviewId]);
    const where = ['i.tenant_id = $1', 'i.review_id = $2'];
    const filter = args.filter ?? {};
    if (filter.verdict) where.push(`i.verdict = ${p.add(filter.verdict)}`);
    if (filter.unitId) where.push(`t.unit_id = ${p.add(uuidArg(filter.unitId, 'filter.unitId'))}`);
    if (filter.pending === true) where.push('i.verdict IS NULL AND i.excluded_at IS NULL');
    if (filter.excluded === true) where.push('i.excluded_at IS NOT NULL');
    if (filter.excluded === false) where.push('i.excluded_at IS NULL');
    if (filter.pending === false) where.push('i.verdict IS NOT NULL');
    if (filter.verdict && filter.pending === true)
      throw badInput('“待评定”与具体评定结果不能同时筛选', 'filter.pending');
    const from = `FROM review_item i
      JOIN task t ON t.tenant_id = i.tenant_id AND t.id = i.task_id
      JOIN key_point k ON k.tenant_id = t.tenant_id AND k.id = t.key_point_id`;
    const total = await one<{ n: number }>(
      this.dataSource,
      `SELECT count(*)::int AS n ${from} WHERE ${where.join(' AND ')}`,
      p.values,
    );
    where.push(ks.after(p));
    const found = await rows<ReviewItemRow>(
      this.dataSource,
      `SELECT i.*, t.unit_id, t.key_point_id, k.seq AS key_point_seq, u.display_name AS reviewer_name, x.display_name AS excluded_by_name, ${ks.columns}
         ${from}
         LEFT JOIN app_user u ON u.tenant_id = i.tenant_id AND u.id = i.reviewer_id
         LEFT JOIN app_user x ON x.tenant_id = i.tenant_id AND x.id = i.excluded_by
        WHERE ${where.join(' AND ')}
        ORDER BY ${ks.orderBy} ${ks.limit}`,
      p.values,
    );
    return ks.page(found, total!.n, toReviewItemModel);
  }

  /** Progress of each review on a page, one grouped query per request. */
  progress(req: object, viewer: Viewer): DataLoader<string, ReviewProgressModel> {
    return loader(
      req,
      'review.progress',
      () =>
        new DataLoader<string, ReviewProgressModel>(async (ids) => {
          const found = await rows<ReviewProgressRow & { review_id: string }>(
            this.dataSource,
            `SELECT i.review_id, ${PROGRESS_COLUMNS} FROM review_item i WHERE i.tenant_id = $1 AND i.review_id = ANY($2::uuid[]) GROUP BY i.review_id`,
            [viewer.tenantId, ids],
          );
          return byKeys(ids, found, (r) => r.review_id).map(toReviewProgress);
        }),
    );
  }

  /** The review item behind each 整改 task, one query per request. */
  rectificationOf(req: object, viewer: Viewer): DataLoader<string, TaskRectificationModel | null> {
    return loader(
      req,
      'review.rectificationOf',
      () =>
        new DataLoader<string, TaskRectificationModel | null>(async (taskIds) => {
          const found = await rows<
            Pick<ReviewItemRow, 'review_id' | 'rectification_requirement' | 'notes'> & {
              rectification_task_id: string;
              title: string;
              verdict: ReviewVerdict;
            }
          >(
            this.dataSource,
            `SELECT i.rectification_task_id, i.review_id, r.title, i.verdict, i.rectification_requirement, i.notes
             FROM review_item i JOIN review r ON r.tenant_id = i.tenant_id AND r.id = i.review_id
            WHERE i.tenant_id = $1 AND i.rectification_task_id = ANY($2::uuid[])`,
            [viewer.tenantId, taskIds],
          );
          return byKeys(taskIds, found, (r) => r.rectification_task_id).map((r) =>
            r
              ? {
                  reviewId: r.review_id,
                  reviewTitle: r.title,
                  verdict: r.verdict,
                  requirement: r.rectification_requirement,
                  notes: r.notes,
                }
              : null,
          );
        }),
    );
  }

  /**
   * 整改 tasks that run in a year (assigned by its end, due after its start), whatever plan they
   * hang under, so last year's review shows up in this year's work. Same visibility as the ledger.
   */
  async rectificationTasks(viewer: Viewer, args: RectificationTasksArgs): Promise<Connection<TaskModel>> {
    if (!Number.isInteger(args.year) || args.year < 2000 || args.year > 2100)
      throw badInput('年度应在 2000 到 2100 之间', 'year');
    const ks = new Keyset({
      keys: [{ expr: 't.due_date', cast: 'date' }],
      id: 't.id',
      descending: false,
      first: args.first,
      after: args.after,
    });
    const p = new SqlParams();
    const where = [
      taskVisibility(viewer, p),
      `t.kind = 'RECTIFICATION'`,
      `t.assigned_on <= ${p.add(`${args.year}-12-31`)}::date`,
      `t.due_date >= ${p.add(`${args.year}-01-01`)}::date`,
    ];
    const total = await one<{ n: number }>(
      this.dataSource,
      `SELECT count(*)::int AS n FROM task t WHERE ${where.join(' AND ')}`,
      p.values,
    );
    where.push(ks.after(p));
    const found = await rows<TaskRow>(
      this.dataSource,
      `SELECT t.*, ${ks.columns} FROM task t WHERE ${where.join(' AND ')} ORDER BY ${ks.orderBy} ${ks.limit}`,
      p.values,
    );
    return ks.page(found, total!.n, toTaskModel);
  }
}
