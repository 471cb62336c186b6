import {
  DELAY_STATUS_LABELS as DOMAIN_DELAY_STATUS_LABELS,
  REPORT_STATUS_LABELS as DOMAIN_REPORT_STATUS_LABELS,
  TASK_ROLE_LABELS,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  WARNING_LIGHT_LABELS,
  WARNING_LIGHT_MEANINGS,
} from '@duban/domain';
import { palette } from '../../../app/theme';

/** Chinese names for the API's enums come from @duban/domain (the API and its exports use the same words); colours are the web's. */
export type WarningLight = 'GREEN' | 'YELLOW' | 'RED' | 'DONE' | 'DONE_LATE';
export type TaskStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED' | 'DONE' | 'CLOSED';
export type TaskRole = 'LEAD' | 'RESPONSIBLE';
export type ReportStatus = 'PENDING_LEADER' | 'LEADER_REJECTED' | 'PENDING_OFFICE' | 'ACCEPTED' | 'RETURNED';
export type DelayStatus = 'PENDING' | 'APPROVED' | 'REFUSED' | 'WITHDRAWN';

export const LIGHTS: WarningLight[] = ['RED', 'YELLOW', 'GREEN', 'DONE_LATE', 'DONE'];
export const LIGHT_LABELS: Readonly<Record<WarningLight, string>> = WARNING_LIGHT_MEANINGS;
export const LIGHT_SHORT: Readonly<Record<WarningLight, string>> = WARNING_LIGHT_LABELS;
/** antd preset colours for Tag/Badge, and hex values for charts. */
export const LIGHT_TAG_COLORS: Record<WarningLight, string> = {
  RED: 'red',
  YELLOW: 'gold',
  GREEN: 'green',
  DONE: 'blue',
  DONE_LATE: 'purple',
};
export const LIGHT_HEX: Record<WarningLight, string> = {
  RED: palette.red,
  YELLOW: palette.gold,
  GREEN: palette.green,
  DONE: palette.blue,
  DONE_LATE: palette.purple,
};
/** Row tints in the ledger: colour by light without shouting. */
export const LIGHT_ROW_BG: Record<WarningLight, string> = {
  RED: '#fff1f0',
  YELLOW: '#fffbe6',
  GREEN: '',
  DONE: '',
  DONE_LATE: '#f9f0ff',
};

export const STATUSES: readonly TaskStatus[] = TASK_STATUSES;
export const STATUS_LABELS: Readonly<Record<TaskStatus, string>> = TASK_STATUS_LABELS;
export const STATUS_COLORS: Record<TaskStatus, string> = {
  NOT_STARTED: 'default',
  IN_PROGRESS: 'processing',
  SUBMITTED: 'cyan',
  RETURNED: 'orange',
  DONE: 'success',
  CLOSED: 'default',
};

export const ROLE_LABELS: Readonly<Record<TaskRole, string>> = TASK_ROLE_LABELS;

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = DOMAIN_REPORT_STATUS_LABELS;
export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = {
  PENDING_LEADER: 'gold',
  LEADER_REJECTED: 'orange',
  PENDING_OFFICE: 'processing',
  ACCEPTED: 'success',
  RETURNED: 'error',
};

export const DELAY_STATUS_LABELS: Readonly<Record<DelayStatus, string>> = DOMAIN_DELAY_STATUS_LABELS;
