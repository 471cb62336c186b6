import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byKeys, loader } from '../../common/loaders.js';
import { rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { toKeyPointModel, toSectionModel, type KeyPointModel, type PlanSectionModel } from './dto/key-point.model.js';
import { toPlanModel, type PlanModel } from './dto/plan.model.js';

/** Plans, sections and key points by id, batched per request and filtered by the viewer's tenant. */
@Injectable()
export class PlanLoader {
  constructor(private readonly dataSource: DataSource) {}

  private byIdLoader<T extends { id: string }>(req: object, viewer: Viewer, table: string, map: (r: Record<string, any>) => T) {
    return loader(req, `${table}.byId`, () =>
      new DataLoader<string, T | null>(async (ids) => {
        const found = await rows(this.dataSource, `SELECT * FROM ${table} WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [viewer.tenantId, ids]);
        return byKeys(ids, found.map(map), (x) => x.id);
      }),
    );
  }

  plan(req: object, viewer: Viewer): DataLoader<string, PlanModel | null> {
    return this.byIdLoader(req, viewer, 'plan', toPlanModel);
  }

  section(req: object, viewer: Viewer): DataLoader<string, PlanSectionModel | null> {
    return this.byIdLoader(req, viewer, 'plan_section', toSectionModel);
  }

  keyPoint(req: object, viewer: Viewer): DataLoader<string, KeyPointModel | null> {
    return this.byIdLoader(req, viewer, 'key_point', toKeyPointModel);
  }
}
