import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput } from '../../../common/app-error.js';
import { rows } from '../../../common/sql.js';
import type { Viewer } from '../../../common/viewer.js';
import type { AppConfig } from '../../../config/app-config.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { MessageReachModel, UnitReachModel } from '../dto/message-reach.model.js';
import { PRODUCT_DEFAULT_CHANNELS, type ActionKind } from '../message-kinds.js';
import { audienceOf, ROBOT_KIND_OF } from './event-text.js';
import { AUDIENCE_MATCH, CHANNELS_OF } from './recipients.sql.js';
import { isUuid } from '../../../common/validation.js';

const MAX_UNITS = 500;

/**
 * Before an urge or a publish: who at each unit will receive it and through what, answered with the same
 * rules the event writer applies, so the office is not told "sent" about a unit nobody can hear.
 */
@Injectable()
export class ReachService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async reach(
    viewer: Viewer,
    kind: ActionKind,
    unitIds: string[],
    planId: string | null = null,
  ): Promise<MessageReachModel> {
    if (planId && !isUuid(planId)) throw badInput('编号格式不正确', 'planId');
    const ofPlan = planId
      ? await rows<{ unit_id: string }>(
          this.dataSource,
          `SELECT DISTINCT ku.unit_id FROM key_point_unit ku JOIN key_point k ON k.tenant_id = ku.tenant_id AND k.id = ku.key_point_id
            WHERE ku.tenant_id = $1 AND k.plan_id = $2 AND ku.unit_id IS NOT NULL`,
          [viewer.tenantId, planId],
        )
      : [];
    const ids = [...new Set([...unitIds, ...ofPlan.map((r) => r.unit_id)])];
    if (ids.length > MAX_UNITS) throw badInput(`一次最多查看 ${MAX_UNITS} 个单位`, 'unitIds');
    if (ids.some((id) => !isUuid(id))) throw badInput('单位编号格式不正确', 'unitIds');
    const found = await rows<{
      unit_id: string;
      unit_name: string;
      name: string | null;
      role: string | null;
      channels: string[];
    }>(
      this.dataSource,
      `SELECT un.id AS unit_id, un.name AS unit_name, u.display_name AS name, u.role,
              coalesce(array_agg(c.channel ORDER BY c.channel) FILTER (WHERE c.channel IS NOT NULL), '{}') AS channels
         FROM unit un
         LEFT JOIN app_user u ON u.tenant_id = un.tenant_id AND ${AUDIENCE_MATCH('un.id', '$3')} AND u.unit_id = un.id
         LEFT JOIN notification_preference p ON p.tenant_id = un.tenant_id AND p.user_id = u.id
         LEFT JOIN message_config mc ON mc.tenant_id = un.tenant_id
         LEFT JOIN LATERAL ${CHANNELS_OF('$4::text', '$5', '$6::boolean')} c ON u.id IS NOT NULL
        WHERE un.tenant_id = $1 AND un.id = ANY($2::uuid[])
        GROUP BY un.id, un.name, un.sort, u.id, u.display_name, u.role
        ORDER BY un.sort, un.name, u.role, u.display_name`,
      [
        viewer.tenantId,
        ids,
        audienceOf(kind),
        kind,
        JSON.stringify(PRODUCT_DEFAULT_CHANNELS),
        this.config.smtpUrl !== null,
      ],
    );
    const units = new Map<string, UnitReachModel>();
    for (const r of found) {
      const unit = units.get(r.unit_id) ?? { unitId: r.unit_id, unitName: r.unit_name, people: [] };
      units.set(r.unit_id, unit);
      if (r.name && r.role) unit.people.push({ name: r.name, role: r.role, channels: ['IN_APP', ...r.channels] });
    }
    const robotKind = ROBOT_KIND_OF[kind];
    const robots = robotKind
      ? await rows<{ name: string }>(
          this.dataSource,
          `SELECT name FROM message_robot WHERE tenant_id = $1 AND enabled AND $2 = ANY(kinds) ORDER BY created_at`,
          [viewer.tenantId, robotKind],
        )
      : [];
    const list = [...units.values()];
    return {
      units: list,
      unreachableUnitNames: list.filter((u) => u.people.length === 0).map((u) => u.unitName),
      robotNames: robots.map((r) => r.name),
    };
  }
}
