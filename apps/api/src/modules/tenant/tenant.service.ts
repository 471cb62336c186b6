import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conflict, notFound } from '../../common/app-error.js';
import { one } from '../../common/sql.js';
import { TenantEvents } from '../../common/tenant-events.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import type { TenantModel } from './dto/tenant.model.js';
import type { UpdateTenantSettingsInput } from './dto/update-tenant-settings.input.js';
import { checkSettingsPatch, withDefaults, type TenantSettings } from './tenant-settings.js';

/** The settings the stored warning lights are computed from. */
const LIGHT_KEYS: (keyof TenantSettings)[] = ['yellowWithinWorkingDays', 'paceMarginPercent', 'reportCycle'];

/** A `tenant` row (the tenant table is the one without tenant_id). */
interface TenantRow {
  id: string;
  code: string;
  name: string;
  settings: Record<string, unknown> | null;
  version: number;
}

const toTenantModel = (row: TenantRow): TenantModel => ({
  id: row.id,
  code: row.code,
  name: row.name,
  settings: withDefaults(row.settings),
  version: row.version,
});

@Injectable()
export class TenantService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: TenantEvents,
  ) {}

  async current(viewer: Viewer): Promise<TenantModel> {
    const row = await one<TenantRow>(this.dataSource, `SELECT * FROM tenant WHERE id = $1`, [viewer.tenantId]);
    if (!row) throw notFound('机构');
    return toTenantModel(row);
  }

  async updateSettings(viewer: Viewer, input: UpdateTenantSettingsInput, version: number): Promise<TenantModel> {
    const patch = checkSettingsPatch({ ...input });
    const { tenant, before } = await this.dataSource.transaction(async (m) => {
      // The tenant table has no tenant_id column; lock it by id directly.
      const before = await one<TenantRow>(m, `SELECT * FROM tenant WHERE id = $1 FOR UPDATE`, [viewer.tenantId]);
      if (!before) throw notFound('机构');
      if (before.version !== version) throw conflict('机构设置已被他人修改，请刷新后重试');
      // Merge, so keys other modules keep in settings (e.g. score weights) survive.
      const after = await one<TenantRow>(
        m,
        `UPDATE tenant SET settings = settings || $2::jsonb, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`,
        [viewer.tenantId, JSON.stringify(patch)],
      );
      await this.audit.record(m, viewer, {
        entityType: 'tenant',
        entityId: viewer.tenantId,
        action: 'settings.update',
        before: withDefaults(before.settings),
        after: withDefaults(after!.settings),
      });
      return { tenant: toTenantModel(after!), before: withDefaults(before.settings) };
    });
    const after = tenant.settings;
    if (LIGHT_KEYS.some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))) {
      await this.events.emit('lightRulesChanged', { tenantId: viewer.tenantId, reason: '预警设置已修改' });
    }
    if (before.leaderApproval && !after.leaderApproval)
      await this.events.emit('leadersChanged', { viewer, unitIds: 'ALL' });
    return tenant;
  }
}
