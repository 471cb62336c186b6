import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { groupByKeys, loader } from '../../common/loaders.js';
import { rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import {
  DELAY_REQUEST_SELECT,
  toDelayRequestModel,
  type DelayRequestModel,
  type DelayRequestRow,
} from './dto/delay-request.model.js';
import { toUrgeModel, URGE_SELECT, type UrgeModel, type UrgeRow } from './dto/urge.model.js';

/** A task's delay requests and urges, batched per request. */
@Injectable()
export class SupervisionLoader {
  constructor(private readonly dataSource: DataSource) {}

  delayRequests(req: object, viewer: Viewer): DataLoader<string, DelayRequestModel[]> {
    return loader(
      req,
      'supervision.delayRequests',
      () =>
        new DataLoader<string, DelayRequestModel[]>(async (taskIds) => {
          const found = await rows<DelayRequestRow>(
            this.dataSource,
            `${DELAY_REQUEST_SELECT} WHERE d.tenant_id = $1 AND d.task_id = ANY($2::uuid[]) ORDER BY d.created_at, d.id`,
            [viewer.tenantId, taskIds],
          );
          return groupByKeys(taskIds, found, (r) => r.task_id).map((list) => list.map(toDelayRequestModel));
        }),
    );
  }

  urges(req: object, viewer: Viewer): DataLoader<string, UrgeModel[]> {
    return loader(
      req,
      'supervision.urges',
      () =>
        new DataLoader<string, UrgeModel[]>(async (taskIds) => {
          const found = await rows<UrgeRow>(
            this.dataSource,
            `${URGE_SELECT} WHERE g.tenant_id = $1 AND g.task_id = ANY($2::uuid[]) ORDER BY g.created_at DESC, g.id DESC`,
            [viewer.tenantId, taskIds],
          );
          return groupByKeys(taskIds, found, (r) => r.task_id).map((list) => list.map(toUrgeModel));
        }),
    );
  }
}
