import { DomainError } from './errors.js';
import {
  allowedTaskEvents,
  canApplyTaskEvent,
  isTaskCompleted,
  nextStatus,
  TASK_STATUSES,
  type TaskEvent,
  type TaskStatus,
} from './task-status.js';

const EVENTS: TaskEvent[] = [
  { type: 'REPORT_PROGRESS' },
  { type: 'CLAIM_COMPLETION' },
  { type: 'ACCEPT' },
  { type: 'RETURN', reason: '佐证材料不全' },
  { type: 'CLOSE' },
  { type: 'REOPEN', reason: '回头看发现未落实' },
];

/** The full allowed table; every pair not listed must be refused. */
const ALLOWED: Record<string, TaskStatus> = {
  'NOT_STARTED REPORT_PROGRESS': 'IN_PROGRESS',
  'NOT_STARTED CLAIM_COMPLETION': 'SUBMITTED',
  'IN_PROGRESS REPORT_PROGRESS': 'IN_PROGRESS',
  'IN_PROGRESS CLAIM_COMPLETION': 'SUBMITTED',
  'SUBMITTED ACCEPT': 'DONE',
  'SUBMITTED RETURN': 'RETURNED',
  'RETURNED REPORT_PROGRESS': 'IN_PROGRESS',
  'RETURNED CLAIM_COMPLETION': 'SUBMITTED',
  'DONE CLOSE': 'CLOSED',
  'DONE REOPEN': 'IN_PROGRESS',
  'CLOSED REOPEN': 'IN_PROGRESS',
};

describe('task status transitions', () => {
  for (const status of TASK_STATUSES) {
    for (const event of EVENTS) {
      const expected = ALLOWED[`${status} ${event.type}`];
      it(`${status} + ${event.type} → ${expected ?? 'INVALID_TRANSITION'}`, () => {
        if (expected) {
          expect(nextStatus(status, event)).toBe(expected);
          expect(canApplyTaskEvent(status, event.type)).toBe(true);
        } else {
          expect(() => nextStatus(status, event)).toThrow(
            expect.objectContaining({ code: 'INVALID_TRANSITION', details: { from: status, event: event.type } }),
          );
          expect(canApplyTaskEvent(status, event.type)).toBe(false);
        }
      });
    }
  }

  it('errors are DomainErrors', () => {
    expect(() => nextStatus('NOT_STARTED', { type: 'CLOSE' })).toThrow(DomainError);
  });

  it('CLOSE only from DONE: a submitted claim must be accepted first', () => {
    expect(() => nextStatus('SUBMITTED', { type: 'CLOSE' })).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });

  it('returning and reopening need a non-blank reason', () => {
    expect(() => nextStatus('SUBMITTED', { type: 'RETURN', reason: '' })).toThrow(
      expect.objectContaining({ code: 'REASON_REQUIRED' }),
    );
    expect(() => nextStatus('CLOSED', { type: 'REOPEN', reason: '   ' })).toThrow(
      expect.objectContaining({ code: 'REASON_REQUIRED' }),
    );
  });

  it('a disallowed transition is reported as such even without a reason', () => {
    expect(() => nextStatus('IN_PROGRESS', { type: 'REOPEN', reason: '' })).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });

  it('lists the events the UI may offer', () => {
    expect(allowedTaskEvents('SUBMITTED').sort()).toEqual(['ACCEPT', 'RETURN']);
    expect(allowedTaskEvents('CLOSED')).toEqual(['REOPEN']);
  });

  it('a returned task can go round again to done and closed', () => {
    let status: TaskStatus = 'NOT_STARTED';
    for (const event of [
      { type: 'REPORT_PROGRESS' },
      { type: 'CLAIM_COMPLETION' },
      { type: 'RETURN', reason: '未提供公开链接' },
      { type: 'CLAIM_COMPLETION' },
      { type: 'ACCEPT' },
      { type: 'CLOSE' },
    ] as TaskEvent[]) {
      status = nextStatus(status, event);
    }
    expect(status).toBe('CLOSED');
    expect(isTaskCompleted(status)).toBe(true);
    expect(isTaskCompleted('SUBMITTED')).toBe(false);
  });
});
