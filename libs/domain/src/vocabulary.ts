import type { ReportStatus } from './report-status.js';
import type { TaskStatus } from './task-status.js';
import type { WarningLight } from './warning-light.js';

/**
 * The stored codes of Duban's vocabularies and their Chinese names, in domain.md's words. The API's
 * GraphQL enums, its exported documents and the web's tags and filters all read them from here, so a
 * status is called the same thing on screen, in the ledger workbook and in the 通报.
 * Arrays are in workflow order (the order filters list them and the ledger sorts by); TASK_STATUSES and
 * REPORT_STATUSES live beside their transitions.
 */

export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  NOT_STARTED: '未开始',
  IN_PROGRESS: '推进中',
  SUBMITTED: '已报完成待审核',
  RETURNED: '已退回',
  DONE: '已完成',
  CLOSED: '已办结销号',
};

export const WARNING_LIGHTS = [
  'GREEN',
  'YELLOW',
  'RED',
  'DONE',
  'DONE_LATE',
] as const satisfies readonly WarningLight[];
/** The light's short name, as printed in tags and workbook cells. */
export const WARNING_LIGHT_LABELS: Readonly<Record<WarningLight, string>> = {
  GREEN: '绿灯',
  YELLOW: '黄灯',
  RED: '红灯',
  DONE: '按期完成',
  DONE_LATE: '逾期完成',
};
/** The light with what it means, where a person picks lights (filters) rather than reads them. */
export const WARNING_LIGHT_MEANINGS: Readonly<Record<WarningLight, string>> = {
  GREEN: '绿灯（正常）',
  YELLOW: '黄灯（预警）',
  RED: '红灯（逾期）',
  DONE: '按期完成',
  DONE_LATE: '逾期完成',
};

export const TASK_ROLES = ['LEAD', 'RESPONSIBLE'] as const;
export type TaskRole = (typeof TASK_ROLES)[number];
/** A task's unit role; "单位" follows where the sentence needs it (牵头单位, 责任单位). */
export const TASK_ROLE_LABELS: Readonly<Record<TaskRole, string>> = { LEAD: '牵头', RESPONSIBLE: '责任' };

export const TASK_KINDS = ['NORMAL', 'RECTIFICATION'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_KIND_LABELS: Readonly<Record<TaskKind, string>> = { NORMAL: '工作任务', RECTIFICATION: '整改任务' };

export const PLAN_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, string>> = {
  DRAFT: '草稿',
  PUBLISHED: '已发布',
  ARCHIVED: '已归档',
};

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  PENDING_LEADER: '待分管领导审核',
  LEADER_REJECTED: '分管领导已退回',
  PENDING_OFFICE: '待办公室审核',
  ACCEPTED: '已通过',
  RETURNED: '已退回',
};

export const DELAY_STATUSES = ['PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN'] as const;
export type DelayStatus = (typeof DELAY_STATUSES)[number];
export const DELAY_STATUS_LABELS: Readonly<Record<DelayStatus, string>> = {
  PENDING: '待审批',
  APPROVED: '已批准',
  REFUSED: '未批准',
  WITHDRAWN: '已撤回',
};

export const URGE_LEVELS = ['REMIND', 'URGE', 'SUPERVISE'] as const;
export type UrgeLevel = (typeof URGE_LEVELS)[number];
export const URGE_LEVEL_LABELS: Readonly<Record<UrgeLevel, string>> = {
  REMIND: '提醒',
  URGE: '催办',
  SUPERVISE: '督办',
};

export const USER_ROLES = [
  'OFFICE_ADMIN',
  'OFFICE_STAFF',
  'UNIT_LIAISON',
  'UNIT_LEADER',
  'LEADERSHIP',
  'SECURITY_ADMIN',
  'SECURITY_AUDITOR',
] as const;
export type UserRole = (typeof USER_ROLES)[number];
/** The office admin is the 系统管理员 of 三员分立; the other two 三员 roles do nothing of the office's business. */
export const USER_ROLE_LABELS: Readonly<Record<UserRole, string>> = {
  OFFICE_ADMIN: '政务公开办管理员',
  OFFICE_STAFF: '政务公开办工作人员',
  UNIT_LIAISON: '联络员',
  UNIT_LEADER: '分管领导',
  LEADERSHIP: '领导',
  SECURITY_ADMIN: '安全管理员',
  SECURITY_AUDITOR: '安全审计员',
};

/** The kinds of unit in a government's directory. */
export const UNIT_KINDS = ['DEPARTMENT', 'CITY_GOV', 'COUNTY_GOV', 'AGENCY', 'TOWN', 'OFFICE', 'OTHER'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  DEPARTMENT: '部门',
  CITY_GOV: '市政府',
  COUNTY_GOV: '县区政府',
  AGENCY: '派驻机构',
  TOWN: '乡镇街道',
  OFFICE: '办公厅',
  OTHER: '其他',
};

/** The verdicts of a 回头看 item. */
export const REVIEW_VERDICTS = ['IMPLEMENTED', 'PARTIAL', 'NOT_IMPLEMENTED', 'NOT_APPLICABLE'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];
export const REVIEW_VERDICT_LABELS: Readonly<Record<ReviewVerdict, string>> = {
  IMPLEMENTED: '落实到位',
  PARTIAL: '部分落实',
  NOT_IMPLEMENTED: '未落实',
  NOT_APPLICABLE: '不适用',
};

/** The kinds a person's action raises (the daily run raises the others, with its own texts). */
export const ACTION_MESSAGE_KINDS = [
  'TASK_ASSIGNED',
  'TASK_AMENDED',
  'INSTRUCTION',
  'REPORT_PENDING_APPROVAL',
  'REPORT_SUBMITTED',
  'REPORT_RETURNED',
  'REPORT_ACCEPTED',
  'DELAY_DECIDED',
  'URGE',
  'SUPERVISE',
  'TASK_CLOSED',
  'TASK_REOPENED',
] as const;
export type ActionMessageKind = (typeof ACTION_MESSAGE_KINDS)[number];

/** Every kind of message a person can receive; the in-app notification centre shows them all. */
export const MESSAGE_KINDS = [
  ...ACTION_MESSAGE_KINDS,
  'DUE_SOON',
  'REMIND',
  'OVERDUE',
  'REPORT_DUE',
  'REPORT_MISSING',
  'SIGN_OVERDUE',
  // 上下联动: the upper office urges this office about one of its key points.
  'UPPER_URGE',
  // 上下联动: a lower office signed (签收) this office's urge.
  'UPPER_URGE_ACKNOWLEDGED',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_KIND_LABELS: Readonly<Record<MessageKind, string>> = {
  TASK_ASSIGNED: '新任务交办',
  TASK_AMENDED: '任务调整',
  INSTRUCTION: '领导批示',
  REPORT_PENDING_APPROVAL: '进展待审核',
  REPORT_SUBMITTED: '进展报送',
  REPORT_RETURNED: '报告退回',
  REPORT_ACCEPTED: '报告通过',
  DELAY_DECIDED: '延期审批',
  URGE: '催办',
  SUPERVISE: '督办',
  TASK_CLOSED: '办结销号',
  TASK_REOPENED: '重新打开',
  DUE_SOON: '即将到期',
  REMIND: '到期提醒',
  OVERDUE: '已逾期',
  // The report cycle's period: "this period's progress", as the reminder's own text says.
  REPORT_DUE: '本期进展待报送',
  REPORT_MISSING: '本期进展未报送',
  SIGN_OVERDUE: '任务未签收',
  UPPER_URGE: '上级催办',
  UPPER_URGE_ACKNOWLEDGED: '下级签收催办',
};

/** What a group robot posts. */
export const ROBOT_KINDS = ['DAILY_SUMMARY', 'TASK_ASSIGNED', 'URGE'] as const;
export type RobotKind = (typeof ROBOT_KINDS)[number];
export const ROBOT_KIND_LABELS: Readonly<Record<RobotKind, string>> = {
  DAILY_SUMMARY: '每日督办情况',
  TASK_ASSIGNED: '任务交办（计划发布）',
  URGE: '催办与督办',
};

/** `CODE 名称, …`: the description a GraphQL enum carries, so the schema speaks the same words. */
export function describeCodes<K extends string>(codes: readonly K[], labels: Readonly<Record<K, string>>): string {
  return codes.map((c) => `${c} ${labels[c]}`).join(', ');
}

const UNIT_ROLES: readonly string[] = ['UNIT_LIAISON', 'UNIT_LEADER'];

/**
 * Where a message leads its reader in the web app (the notification centre and the link an e-mail or
 * work-app message carries): its task, or the page where the work waits.
 */
export function messagePath(role: string, kind: MessageKind, taskId: string | null | undefined): string {
  if (taskId) return `${UNIT_ROLES.includes(role) ? '/unit' : '/ledger'}?task=${encodeURIComponent(taskId)}`;
  if (kind === 'REPORT_PENDING_APPROVAL') return '/unit/approvals';
  if (kind === 'UPPER_URGE') return '/levels/from-upper';
  // 下级落实 → 催办记录, where the urge shows 已签收.
  if (kind === 'UPPER_URGE_ACKNOWLEDGED') return '/levels?view=urges';
  if (UNIT_ROLES.includes(role)) return '/unit';
  return role === 'LEADERSHIP' ? '/leadership' : '/office';
}
