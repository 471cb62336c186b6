import { palette } from '../../../app/theme';

/** Chinese names for the API's enums (domain.md vocabulary), and the colours the ledger uses. */
export type WarningLight = 'GREEN' | 'YELLOW' | 'RED' | 'DONE' | 'DONE_LATE';
export type TaskStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED' | 'DONE' | 'CLOSED';
export type TaskRole = 'LEAD' | 'RESPONSIBLE';
export type ReportStatus = 'PENDING_LEADER' | 'LEADER_REJECTED' | 'PENDING_OFFICE' | 'ACCEPTED' | 'RETURNED';
export type DelayStatus = 'PENDING' | 'APPROVED' | 'REFUSED' | 'WITHDRAWN';

export const LIGHTS: WarningLight[] = ['RED', 'YELLOW', 'GREEN', 'DONE_LATE', 'DONE'];
export const LIGHT_LABELS: Record<WarningLight, string> = {
  RED: '红灯（逾期）',
  YELLOW: '黄灯（预警）',
  GREEN: '绿灯（正常）',
  DONE: '按期完成',
  DONE_LATE: '逾期完成',
};
export const LIGHT_SHORT: Record<WarningLight, string> = { RED: '红灯', YELLOW: '黄灯', GREEN: '绿灯', DONE: '按期完成', DONE_LATE: '逾期完成' };
/** antd preset colours for Tag/Badge, and hex values for charts. */
export const LIGHT_TAG_COLORS: Record<WarningLight, string> = { RED: 'red', YELLOW: 'gold', GREEN: 'green', DONE: 'blue', DONE_LATE: 'purple' };
export const LIGHT_HEX: Record<WarningLight, string> = { RED: palette.red, YELLOW: palette.gold, GREEN: palette.green, DONE: palette.blue, DONE_LATE: palette.purple };
/** Row tints in the ledger: colour by light without shouting. */
export const LIGHT_ROW_BG: Record<WarningLight, string> = { RED: '#fff1f0', YELLOW: '#fffbe6', GREEN: '', DONE: '', DONE_LATE: '#f9f0ff' };

export const STATUSES: TaskStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'DONE', 'CLOSED'];
export const STATUS_LABELS: Record<TaskStatus, string> = {
  NOT_STARTED: '未开始',
  IN_PROGRESS: '推进中',
  SUBMITTED: '已报完成待审核',
  RETURNED: '已退回',
  DONE: '已完成',
  CLOSED: '已办结销号',
};
export const STATUS_COLORS: Record<TaskStatus, string> = {
  NOT_STARTED: 'default',
  IN_PROGRESS: 'processing',
  SUBMITTED: 'cyan',
  RETURNED: 'orange',
  DONE: 'success',
  CLOSED: 'default',
};

export const ROLE_LABELS: Record<TaskRole, string> = { LEAD: '牵头', RESPONSIBLE: '责任' };

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  PENDING_LEADER: '待分管领导审核',
  LEADER_REJECTED: '分管领导退回',
  PENDING_OFFICE: '待办公室审核',
  ACCEPTED: '已通过',
  RETURNED: '已退回',
};
export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = {
  PENDING_LEADER: 'gold',
  LEADER_REJECTED: 'orange',
  PENDING_OFFICE: 'processing',
  ACCEPTED: 'success',
  RETURNED: 'error',
};

export const DELAY_STATUS_LABELS: Record<DelayStatus, string> = { PENDING: '待审批', APPROVED: '已批准', REFUSED: '未批准', WITHDRAWN: '已撤回' };
