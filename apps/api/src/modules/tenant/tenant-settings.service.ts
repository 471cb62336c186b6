import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../../common/app-error.js';
import { one } from '../../common/sql.js';
import { withDefaults, type TenantSettings } from './tenant-settings.js';

/** Other modules read a tenant's settings here, always complete (defaults filled in). */
@Injectable()
export class TenantSettingsService {
  constructor(private readonly dataSource: DataSource) {}

  async get(tenantId: string, manager?: EntityManager): Promise<TenantSettings> {
    const row = await one<{ settings: Record<string, unknown> }>(
      manager ?? this.dataSource,
      `SELECT settings FROM tenant WHERE id = $1`,
      [tenantId],
    );
    if (!row) throw notFound('机构');
    return withDefaults(row.settings);
  }
}
