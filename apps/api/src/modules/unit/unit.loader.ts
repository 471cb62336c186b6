import { Inject, Injectable } from '@nestjs/common';
import { maskPhone } from '@duban/domain';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byKeys, loader } from '../../common/loaders.js';
import { personalData } from '../../common/crypto/personal-data.js';
import { rows } from '../../common/sql.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { Viewer } from '../../common/viewer.js';
import { toUnitModel, type UnitModel, type UnitPersonModel, type UnitRow } from './dto/unit.model.js';

/** Units by id for the current request (one query per request however many rows ask). */
@Injectable()
export class UnitLoader {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  byId(req: object, viewer: Viewer): DataLoader<string, UnitModel | null> {
    return loader(
      req,
      'unit.byId',
      () =>
        new DataLoader<string, UnitModel | null>(async (ids) => {
          const found = await rows<UnitRow>(
            this.dataSource,
            `SELECT * FROM unit WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
            [viewer.tenantId, ids],
          );
          return byKeys(ids, found.map(toUnitModel), (u) => u.id);
        }),
    );
  }

  /** Active liaisons and leaders per unit, for the directory's coverage column (phones masked: a list). */
  people(req: object, viewer: Viewer): DataLoader<string, UnitPersonModel[]> {
    return loader(
      req,
      'unit.people',
      () =>
        new DataLoader<string, UnitPersonModel[]>(async (ids) => {
          const found = await rows<UnitPersonModel>(
            this.dataSource,
            `SELECT id, display_name AS "displayName", role, phone, last_sign_in_at AS "lastSignInAt", unit_id AS "unitId" FROM app_user
            WHERE tenant_id = $1 AND unit_id = ANY($2::uuid[]) AND active AND role IN ('UNIT_LIAISON', 'UNIT_LEADER') ORDER BY role DESC, display_name`,
            [viewer.tenantId, ids],
          );
          const people = personalData(this.config);
          const shown = found.map((p) => ({
            ...p,
            phone: maskPhone(people.open(viewer.tenantId, p.id, 'phone', p.phone)),
          }));
          return ids.map((id) => shown.filter((p) => p.unitId === id));
        }),
    );
  }
}
