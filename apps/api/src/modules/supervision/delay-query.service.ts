import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Connection } from '../../common/pagination.js';
import type { Viewer } from '../../common/viewer.js';
import { taskVisibility } from '../task/index.js';
import { DELAY_REQUEST_SELECT, toDelayRequestModel, type DelayRequestModel } from './dto/delay-request.model.js';
import type { DelayRequestsArgs } from './dto/supervision.input.js';
import { SqlParams } from '../../common/sql.js';
import { uuidArg } from '../../common/validation.js';
import { creationOrderPage } from '../../common/keyset-page.js';

/** Delay requests across tasks (the office's 待审批 list), limited by task visibility. */
@Injectable()
export class DelayQueryService {
  constructor(private readonly dataSource: DataSource) {}

  delayRequests(viewer: Viewer, args: DelayRequestsArgs): Promise<Connection<DelayRequestModel>> {
    const params = new SqlParams();
    const where = [`d.tenant_id = ${params.add(viewer.tenantId)}`, taskVisibility(viewer, params, 't')];
    const filter = args.filter;
    if (filter?.status?.length) where.push(`d.status = ANY(${params.add(filter.status)}::text[])`);
    if (filter?.unitId) where.push(`t.unit_id = ${params.add(uuidArg(filter.unitId, 'unitId'))}`);
    if (filter?.planId) where.push(`t.plan_id = ${params.add(uuidArg(filter.planId, 'planId'))}`);
    const join = 'JOIN task t ON t.tenant_id = d.tenant_id AND t.id = d.task_id';
    return creationOrderPage(this.dataSource, {
      select: `${DELAY_REQUEST_SELECT} ${join}`,
      from: `FROM delay_request d ${join}`,
      alias: 'd',
      where,
      params,
      first: args.first,
      after: args.after,
      map: toDelayRequestModel,
    });
  }
}
