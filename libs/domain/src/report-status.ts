import { DomainError } from './errors.js';
import { requireReason, type TaskEvent } from './task-status.js';

/**
 * A report goes to the unit leader (分管领导) first when the unit requires approval, then to the
 * office. Returned and leader-rejected reports stay as history; the unit writes a new report.
 */
export const REPORT_STATUSES = ['PENDING_LEADER', 'LEADER_REJECTED', 'PENDING_OFFICE', 'ACCEPTED', 'RETURNED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export type ReportEvent =
  | { type: 'LEADER_APPROVE' }
  | { type: 'LEADER_REJECT'; reason: string }
  | { type: 'OFFICE_ACCEPT' }
  | { type: 'OFFICE_RETURN'; reason: string };

export type ReportEventType = ReportEvent['type'];

const TRANSITIONS: Readonly<Record<ReportStatus, Partial<Record<ReportEventType, ReportStatus>>>> = {
  PENDING_LEADER: { LEADER_APPROVE: 'PENDING_OFFICE', LEADER_REJECT: 'LEADER_REJECTED' },
  PENDING_OFFICE: { OFFICE_ACCEPT: 'ACCEPTED', OFFICE_RETURN: 'RETURNED' },
  LEADER_REJECTED: {},
  ACCEPTED: {},
  RETURNED: {},
};

export function initialReportStatus(leaderApprovalRequired: boolean): ReportStatus {
  return leaderApprovalRequired ? 'PENDING_LEADER' : 'PENDING_OFFICE';
}

export function allowedReportEvents(status: ReportStatus): ReportEventType[] {
  return Object.keys(TRANSITIONS[status]) as ReportEventType[];
}

export function nextReportStatus(current: ReportStatus, event: ReportEvent): ReportStatus {
  const next = TRANSITIONS[current]?.[event.type];
  if (next === undefined) {
    throw new DomainError('INVALID_TRANSITION', `report in ${current} cannot take ${event.type}`, {
      from: current,
      event: event.type,
    });
  }
  if (event.type === 'LEADER_REJECT' || event.type === 'OFFICE_RETURN') requireReason(event.reason, event.type);
  return next;
}

/**
 * What a report reaching a status means for its task. The office only sees a report once it is
 * PENDING_OFFICE, so that is when the task moves; a progress report's acceptance or return leaves
 * the task where it is, a completion claim's decision settles it.
 */
export function taskEventForReport(report: {
  status: ReportStatus;
  claimsCompletion: boolean;
  returnReason?: string;
}): TaskEvent | null {
  switch (report.status) {
    case 'PENDING_OFFICE':
      return report.claimsCompletion ? { type: 'CLAIM_COMPLETION' } : { type: 'REPORT_PROGRESS' };
    case 'ACCEPTED':
      return report.claimsCompletion ? { type: 'ACCEPT' } : null;
    case 'RETURNED':
      return report.claimsCompletion ? { type: 'RETURN', reason: report.returnReason ?? '' } : null;
    case 'PENDING_LEADER':
    case 'LEADER_REJECTED':
      return null;
  }
}
