import { registerEnumType } from '@nestjs/graphql';
import {
  describeCodes,
  DELAY_STATUS_LABELS,
  DELAY_STATUSES,
  PLAN_STATUS_LABELS,
  REPORT_STATUS_LABELS,
  TASK_KIND_LABELS,
  TASK_STATUS_LABELS,
  URGE_LEVEL_LABELS,
  USER_ROLE_LABELS,
  PLAN_STATUSES,
  REPORT_STATUSES,
  TASK_KINDS,
  TASK_ROLES,
  TASK_STATUSES,
  URGE_LEVELS,
  USER_ROLES,
  WARNING_LIGHTS,
  type DelayStatus,
  type PlanStatus,
  type ReportStatus,
  type TaskKind,
  type TaskRole,
  type TaskStatus,
  type UrgeLevel,
  type UserRole,
  type WarningLight,
} from '@duban/domain';

/**
 * GraphQL enums shared by several modules. Values are the strings stored in the database; the codes
 * and their Chinese names come from @duban/domain's vocabulary, which the exports and the web use too.
 */
/** A GraphQL enum object whose keys and values are the stored codes. */
export const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export {
  DELAY_STATUSES,
  PLAN_STATUSES,
  REPORT_STATUSES,
  TASK_KINDS,
  TASK_ROLES,
  TASK_STATUSES,
  URGE_LEVELS,
  WARNING_LIGHTS,
};
export type { DelayStatus, PlanStatus, ReportStatus, TaskKind, TaskRole, TaskStatus, UrgeLevel };

export const ROLES = USER_ROLES;
export type Role = UserRole;
export const OFFICE_ROLES: readonly Role[] = ['OFFICE_ADMIN', 'OFFICE_STAFF'];
export const UNIT_ROLES: readonly Role[] = ['UNIT_LIAISON', 'UNIT_LEADER'];
export const RoleEnum = enumOf(ROLES);
registerEnumType(RoleEnum, { name: 'Role', description: describeCodes(ROLES, USER_ROLE_LABELS) });

export const TaskRoleEnum = enumOf(TASK_ROLES);
registerEnumType(TaskRoleEnum, { name: 'TaskRole', description: 'LEAD 牵头单位, RESPONSIBLE 责任单位' });

export const TaskStatusEnum = enumOf(TASK_STATUSES);
registerEnumType(TaskStatusEnum, { name: 'TaskStatus', description: describeCodes(TASK_STATUSES, TASK_STATUS_LABELS) });

export const TaskKindEnum = enumOf(TASK_KINDS);
registerEnumType(TaskKindEnum, { name: 'TaskKind', description: describeCodes(TASK_KINDS, TASK_KIND_LABELS) });

export type WarningLightValue = WarningLight;
export const WarningLightEnum = enumOf(WARNING_LIGHTS);
registerEnumType(WarningLightEnum, {
  name: 'WarningLight',
  description: 'GREEN 绿灯正常, YELLOW 黄灯预警, RED 红灯逾期, DONE 按期完成, DONE_LATE 逾期完成',
});

export const PlanStatusEnum = enumOf(PLAN_STATUSES);
registerEnumType(PlanStatusEnum, { name: 'PlanStatus', description: describeCodes(PLAN_STATUSES, PLAN_STATUS_LABELS) });

export const ReportStatusEnum = enumOf(REPORT_STATUSES);
registerEnumType(ReportStatusEnum, {
  name: 'ReportStatus',
  description: describeCodes(REPORT_STATUSES, REPORT_STATUS_LABELS),
});

export const DelayStatusEnum = enumOf(DELAY_STATUSES);
registerEnumType(DelayStatusEnum, {
  name: 'DelayStatus',
  description: describeCodes(DELAY_STATUSES, DELAY_STATUS_LABELS),
});

export const UrgeLevelEnum = enumOf(URGE_LEVELS);
registerEnumType(UrgeLevelEnum, { name: 'UrgeLevel', description: describeCodes(URGE_LEVELS, URGE_LEVEL_LABELS) });
