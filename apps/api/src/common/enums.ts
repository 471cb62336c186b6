import { registerEnumType } from '@nestjs/graphql';

/** GraphQL enums shared by several modules. Values are the strings stored in the database. */
const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ROLES = ['OFFICE_ADMIN', 'OFFICE_STAFF', 'UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'] as const;
export type Role = (typeof ROLES)[number];
export const OFFICE_ROLES: readonly Role[] = ['OFFICE_ADMIN', 'OFFICE_STAFF'];
export const UNIT_ROLES: readonly Role[] = ['UNIT_LIAISON', 'UNIT_LEADER'];
export const RoleEnum = enumOf(ROLES);
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'OFFICE_ADMIN 政务公开办管理员, OFFICE_STAFF 工作人员, UNIT_LIAISON 联络员, UNIT_LEADER 分管领导, LEADERSHIP 领导',
});

export const TASK_ROLES = ['LEAD', 'RESPONSIBLE'] as const;
export type TaskRole = (typeof TASK_ROLES)[number];
export const TaskRoleEnum = enumOf(TASK_ROLES);
registerEnumType(TaskRoleEnum, { name: 'TaskRole', description: 'LEAD 牵头单位, RESPONSIBLE 责任单位' });

export const TASK_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'DONE', 'CLOSED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TaskStatusEnum = enumOf(TASK_STATUSES);
registerEnumType(TaskStatusEnum, {
  name: 'TaskStatus',
  description: 'NOT_STARTED 未开始, IN_PROGRESS 推进中, SUBMITTED 已报完成待审核, RETURNED 已退回, DONE 已完成, CLOSED 已办结销号',
});

export const TASK_KINDS = ['NORMAL', 'RECTIFICATION'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TaskKindEnum = enumOf(TASK_KINDS);
registerEnumType(TaskKindEnum, { name: 'TaskKind', description: 'NORMAL 工作任务, RECTIFICATION 整改任务' });

export const WARNING_LIGHTS = ['GREEN', 'YELLOW', 'RED', 'DONE', 'DONE_LATE'] as const;
export type WarningLightValue = (typeof WARNING_LIGHTS)[number];
export const WarningLightEnum = enumOf(WARNING_LIGHTS);
registerEnumType(WarningLightEnum, {
  name: 'WarningLight',
  description: 'GREEN 绿灯正常, YELLOW 黄灯预警, RED 红灯逾期, DONE 按期完成, DONE_LATE 逾期完成',
});

export const PLAN_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PlanStatusEnum = enumOf(PLAN_STATUSES);
registerEnumType(PlanStatusEnum, { name: 'PlanStatus', description: 'DRAFT 草稿, PUBLISHED 已发布, ARCHIVED 已归档' });

export const REPORT_STATUSES = ['PENDING_LEADER', 'LEADER_REJECTED', 'PENDING_OFFICE', 'ACCEPTED', 'RETURNED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const ReportStatusEnum = enumOf(REPORT_STATUSES);
registerEnumType(ReportStatusEnum, {
  name: 'ReportStatus',
  description: 'PENDING_LEADER 待分管领导审核, LEADER_REJECTED 领导退回, PENDING_OFFICE 待办公室审核, ACCEPTED 已通过, RETURNED 已退回',
});

export const DELAY_STATUSES = ['PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN'] as const;
export type DelayStatus = (typeof DELAY_STATUSES)[number];
export const DelayStatusEnum = enumOf(DELAY_STATUSES);
registerEnumType(DelayStatusEnum, { name: 'DelayStatus', description: 'PENDING 待审批, APPROVED 已批准, REFUSED 未批准, WITHDRAWN 已撤回' });

export const URGE_LEVELS = ['REMIND', 'URGE', 'SUPERVISE'] as const;
export type UrgeLevel = (typeof URGE_LEVELS)[number];
export const UrgeLevelEnum = enumOf(URGE_LEVELS);
registerEnumType(UrgeLevelEnum, { name: 'UrgeLevel', description: 'REMIND 提醒, URGE 催办, SUPERVISE 督办' });
