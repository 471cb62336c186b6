import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput, notFound } from '../../common/app-error.js';
import { one, rows, type Queryable } from '../../common/sql.js';
import { TenantEvents } from '../../common/tenant-events.js';
import { isUuid } from '../../common/validation.js';
import type { Viewer } from '../../common/viewer.js';
import { personalData } from '../../common/crypto/personal-data.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { userModelFor } from './user-personal.js';
import { AuditService } from '../audit/index.js';
import { SessionService } from '../auth/index.js';
import { toUserModel, userColumns, type UserModel, type UserRow } from './dto/user.model.js';

export const UNUSED_DAYS = { default: 90, min: 30, max: 365 };

function checkDays(days: number): number {
  if (!Number.isInteger(days) || days < UNUSED_DAYS.min || days > UNUSED_DAYS.max)
    throw badInput(`闲置天数应为 ${UNUSED_DAYS.min} 到 ${UNUSED_DAYS.max} 之间的整数`, 'days');
  return days;
}

/**
 * 等保 2.0 asks that accounts nobody uses are found and closed: an active account with no sign-in for
 * `days` (or never signed in and made that long ago), other than the security admin's own. The same
 * condition selects them for the list and again, under lock, when they are deactivated, so an account
 * that signed in between the two stays active.
 */
const unusedWhere = (a: string) =>
  `${a}.tenant_id = $1 AND ${a}.active AND ${a}.id <> $2
   AND coalesce(${a}.last_sign_in_at, ${a}.created_at) < now() - make_interval(days => $3)`;

@Injectable()
export class UnusedAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly events: TenantEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(viewer: Viewer, days = UNUSED_DAYS.default): Promise<UserModel[]> {
    const found = await rows<UserRow>(
      this.dataSource,
      `SELECT ${userColumns('a')} FROM app_user a WHERE ${unusedWhere('a')}
        ORDER BY a.last_sign_in_at NULLS FIRST, a.created_at, a.username LIMIT 2000`,
      [viewer.tenantId, viewer.userId, checkDays(days)],
    );
    return found.map(userModelFor(viewer, personalData(this.config)));
  }

  /** How many accounts the list would show (the assessor's view). */
  async count(viewer: Viewer, days = UNUSED_DAYS.default): Promise<number> {
    const row = await one<{ n: number }>(
      this.dataSource,
      `SELECT count(*)::int AS n FROM app_user a WHERE ${unusedWhere('a')}`,
      [viewer.tenantId, viewer.userId, checkDays(days)],
    );
    return row!.n;
  }

  /** Deactivates those of `userIds` still unused, in one transaction, each audited; returns how many. */
  async disable(viewer: Viewer, userIds: string[], days = UNUSED_DAYS.default): Promise<number> {
    checkDays(days);
    if (userIds.length > 2000) throw badInput('一次最多停用 2000 个账号', 'userIds');
    const ids = [...new Set(userIds)];
    if (!ids.every(isUuid)) throw notFound('用户');
    if (!ids.length) return 0;
    const disabled = await this.dataSource.transaction(async (m) => {
      const known = await rows<{ id: string }>(
        m,
        `SELECT id FROM app_user WHERE tenant_id = $1 AND id = ANY ($2::uuid[])`,
        [viewer.tenantId, ids],
      );
      if (known.length !== ids.length) throw notFound('用户');
      const gone = await deactivate(m, viewer, ids, days);
      for (const user of gone)
        await this.audit.record(m, viewer, {
          entityType: 'user',
          entityId: user.id,
          action: 'deactivate',
          before: { active: true, lastSignInAt: user.lastSignInAt },
          after: { active: false },
          note: `闲置账号（超过 ${days} 天未登录）`,
        });
      return gone;
    });
    for (const user of disabled) await this.sessions.destroyAllOf(viewer.tenantId, user.id);
    const leaderUnits = disabled.filter((u) => u.role === 'UNIT_LEADER' && u.unitId).map((u) => u.unitId!);
    if (leaderUnits.length) await this.events.emit('leadersChanged', { viewer, unitIds: [...new Set(leaderUnits)] });
    return disabled.length;
  }
}

async function deactivate(m: Queryable, viewer: Viewer, ids: string[], days: number): Promise<UserModel[]> {
  const updated = await rows<UserRow>(
    m,
    `UPDATE app_user a SET active = false, version = a.version + 1, updated_at = now()
      WHERE ${unusedWhere('a')} AND a.id = ANY ($4::uuid[])
      RETURNING ${userColumns('a')}`,
    [viewer.tenantId, viewer.userId, days, ids],
  );
  return updated.map(toUserModel);
}
