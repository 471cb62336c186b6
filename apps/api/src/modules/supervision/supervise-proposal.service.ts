import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { creationOrderPage } from '../../common/keyset-page.js';
import type { Connection } from '../../common/pagination.js';
import { SqlParams } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { toUrgeModel, URGE_SELECT, type UrgeModel } from './dto/urge.model.js';

/**
 * 拟督办名单: tasks the ladder proposed for formal supervision and that are still not done — what
 * the next 通报 should name. Oldest proposal first (longest waiting).
 */
@Injectable()
export class SuperviseProposalService {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    viewer: Viewer,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<UrgeModel>> {
    const join = `JOIN task t ON t.tenant_id = g.tenant_id AND t.id = g.task_id`;
    // Oldest first: the proposals wait in the order the daily run raised them.
    return creationOrderPage(this.dataSource, {
      select: `${URGE_SELECT} ${join}`,
      from: `FROM urge g ${join}`,
      alias: 'g',
      where: ['g.tenant_id = $1', `g.level = 'SUPERVISE'`, `t.status NOT IN ('DONE', 'CLOSED')`],
      params: new SqlParams([viewer.tenantId]),
      first,
      after,
      oldestFirst: true,
      map: toUrgeModel,
    });
  }
}
