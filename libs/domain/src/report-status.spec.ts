import {
  allowedReportEvents,
  initialReportStatus,
  nextReportStatus,
  REPORT_STATUSES,
  taskEventForReport,
  type ReportStatus,
} from './report-status.js';
import { nextStatus, type TaskStatus } from './task-status.js';

describe('report approval flow', () => {
  it('starts with the unit leader only when the unit requires approval', () => {
    expect(initialReportStatus(true)).toBe('PENDING_LEADER');
    expect(initialReportStatus(false)).toBe('PENDING_OFFICE');
  });

  it('leader approval forwards to the office, whose decision is final', () => {
    const atOffice = nextReportStatus('PENDING_LEADER', { type: 'LEADER_APPROVE' });
    expect(atOffice).toBe('PENDING_OFFICE');
    expect(nextReportStatus(atOffice, { type: 'OFFICE_ACCEPT' })).toBe('ACCEPTED');
    expect(nextReportStatus(atOffice, { type: 'OFFICE_RETURN', reason: '链接无法打开' })).toBe('RETURNED');
  });

  it('the leader can reject with a reason; the office cannot act before the leader', () => {
    expect(nextReportStatus('PENDING_LEADER', { type: 'LEADER_REJECT', reason: '数据有误' })).toBe('LEADER_REJECTED');
    expect(() => nextReportStatus('PENDING_LEADER', { type: 'LEADER_REJECT', reason: '' })).toThrow(
      expect.objectContaining({ code: 'REASON_REQUIRED' }),
    );
    expect(() => nextReportStatus('PENDING_LEADER', { type: 'OFFICE_ACCEPT' })).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
    expect(() => nextReportStatus('PENDING_OFFICE', { type: 'OFFICE_RETURN', reason: ' ' })).toThrow(
      expect.objectContaining({ code: 'REASON_REQUIRED' }),
    );
  });

  it('decided reports accept no further events', () => {
    for (const status of ['LEADER_REJECTED', 'ACCEPTED', 'RETURNED'] as ReportStatus[]) {
      expect(allowedReportEvents(status)).toEqual([]);
      expect(() => nextReportStatus(status, { type: 'LEADER_APPROVE' })).toThrow(
        expect.objectContaining({ code: 'INVALID_TRANSITION' }),
      );
    }
    expect(REPORT_STATUSES).toHaveLength(5);
  });
});

describe('what a report means for its task', () => {
  it('a report moves the task only once it reaches the office', () => {
    expect(taskEventForReport({ status: 'PENDING_LEADER', claimsCompletion: true })).toBeNull();
    expect(taskEventForReport({ status: 'LEADER_REJECTED', claimsCompletion: true })).toBeNull();
    expect(taskEventForReport({ status: 'PENDING_OFFICE', claimsCompletion: false })).toEqual({
      type: 'REPORT_PROGRESS',
    });
    expect(taskEventForReport({ status: 'PENDING_OFFICE', claimsCompletion: true })).toEqual({
      type: 'CLAIM_COMPLETION',
    });
  });

  it('the office decision settles a completion claim but not a progress report', () => {
    expect(taskEventForReport({ status: 'ACCEPTED', claimsCompletion: true })).toEqual({ type: 'ACCEPT' });
    expect(taskEventForReport({ status: 'ACCEPTED', claimsCompletion: false })).toBeNull();
    expect(taskEventForReport({ status: 'RETURNED', claimsCompletion: true, returnReason: '缺少佐证' })).toEqual({
      type: 'RETURN',
      reason: '缺少佐证',
    });
    expect(taskEventForReport({ status: 'RETURNED', claimsCompletion: false })).toBeNull();
  });

  it('drives a task from NOT_STARTED to DONE through a leader-approved completion report', () => {
    let task: TaskStatus = 'NOT_STARTED';
    let report = initialReportStatus(true);
    const apply = () => {
      const event = taskEventForReport({ status: report, claimsCompletion: true, returnReason: '请补充链接' });
      if (event) task = nextStatus(task, event);
    };
    apply();
    expect(task).toBe('NOT_STARTED');
    report = nextReportStatus(report, { type: 'LEADER_APPROVE' });
    apply();
    expect(task).toBe('SUBMITTED');
    report = nextReportStatus(report, { type: 'OFFICE_ACCEPT' });
    apply();
    expect(task).toBe('DONE');
  });

  it('a returned completion claim without a reason cannot move the task', () => {
    const event = taskEventForReport({ status: 'RETURNED', claimsCompletion: true });
    expect(() => nextStatus('SUBMITTED', event!)).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
  });
});
