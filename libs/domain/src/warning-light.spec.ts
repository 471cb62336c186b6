import { createWorkCalendar } from './calendar/work-calendar.js';
import {
  completedOnTime,
  isOverdue,
  resolveWarningLightSettings,
  warningLight,
  type WarningLightInput,
} from './warning-light.js';

const calendar = createWorkCalendar();
const at = (local: string) => new Date(`${local}+08:00`);

function light(overrides: Partial<WarningLightInput>) {
  return warningLight({
    status: 'IN_PROGRESS',
    assignedDate: '2026-03-02',
    dueDate: '2026-06-30',
    progress: 100,
    now: at('2026-03-10T10:00:00'),
    calendar,
    ...overrides,
  });
}

describe('warning light: open tasks', () => {
  it('green when on pace and far from the due date', () => {
    expect(light({ progress: 10 })).toMatchObject({ light: 'GREEN', reasons: [] });
  });

  it('red from the first instant after the due day ends in Shanghai', () => {
    expect(light({ now: at('2026-06-30T23:59:59.999') }).light).toBe('YELLOW');
    expect(light({ now: at('2026-07-01T00:00:00') })).toEqual({
      light: 'RED',
      reasons: ['OVERDUE'],
      workingDaysLeft: null,
      expectedProgress: null,
    });
  });

  it('yellow within N working days — the National Day week does not count', () => {
    // Working days after Sep 30 up to Oct 20: Oct 8, 9, 10 (调休), 12–16, 19, 20 = 10.
    const input = { assignedDate: '2026-09-01', dueDate: '2026-10-20' };
    expect(light({ ...input, now: at('2026-09-30T10:00:00') })).toMatchObject({
      light: 'YELLOW',
      reasons: ['DUE_SOON'],
      workingDaysLeft: 10,
    });
    expect(light({ ...input, now: at('2026-09-29T10:00:00') })).toMatchObject({ light: 'GREEN', workingDaysLeft: 11 });
    expect(light({ ...input, now: at('2026-09-29T10:00:00'), settings: { yellowWithinWorkingDays: 11 } }).light).toBe(
      'YELLOW',
    );
  });

  it('yellow when progress trails the expected pace by more than the margin', () => {
    // Mar 2 → Mar 12: 8 working days; by Fri Mar 6, 4 have passed → 50% expected.
    const input = {
      assignedDate: '2026-03-02',
      dueDate: '2026-03-12',
      now: at('2026-03-06T12:00:00'),
      settings: { yellowWithinWorkingDays: 0 },
    };
    expect(light({ ...input, progress: 30 })).toMatchObject({ light: 'GREEN', expectedProgress: 50 });
    expect(light({ ...input, progress: 29 })).toMatchObject({ light: 'YELLOW', reasons: ['BEHIND_PACE'] });
    expect(
      light({ ...input, progress: 39, settings: { yellowWithinWorkingDays: 0, paceMarginPercent: 10 } }).reasons,
    ).toEqual(['BEHIND_PACE']);
  });

  it('holidays are not elapsed working time', () => {
    // Assigned Sep 30, due Oct 20; on Oct 7 no working day has passed yet.
    const result = light({
      assignedDate: '2026-09-30',
      dueDate: '2026-10-20',
      progress: 0,
      now: at('2026-10-07T12:00:00'),
      settings: { yellowWithinWorkingDays: 0 },
    });
    expect(result).toMatchObject({ light: 'GREEN', expectedProgress: 0, workingDaysLeft: 10 });
  });

  it('a task assigned on its due date has no pace to trail', () => {
    expect(
      light({ assignedDate: '2026-06-30', dueDate: '2026-06-30', progress: 0, now: at('2026-06-30T09:00:00') }),
    ).toMatchObject({
      light: 'YELLOW',
      reasons: ['DUE_SOON'],
      expectedProgress: null,
    });
  });

  it('yellow when the period report is missing; combined reasons are all listed', () => {
    const input = { reportCycle: { kind: 'MONTHLY', deadlineDay: 25 } as const, now: at('2026-03-27T09:00:00') };
    expect(light({ ...input, lastReportAt: at('2026-03-20T09:00:00') }).light).toBe('GREEN');
    expect(light({ ...input, lastReportAt: at('2026-02-20T09:00:00') })).toMatchObject({
      light: 'YELLOW',
      reasons: ['REPORT_MISSING'],
    });
    expect(light({ ...input, dueDate: '2026-04-03', progress: 0, lastReportAt: null }).reasons).toEqual([
      'DUE_SOON',
      'BEHIND_PACE',
      'REPORT_MISSING',
    ]);
  });

  it('an overdue task also says when its report is missing', () => {
    expect(
      light({ reportCycle: { kind: 'MONTHLY', deadlineDay: 25 }, lastReportAt: null, now: at('2026-07-27T09:00:00') })
        .reasons,
    ).toEqual(['OVERDUE', 'REPORT_MISSING']);
  });

  it('validates its input', () => {
    expect(() => light({ progress: 101 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => light({ dueDate: '2026-6-30' })).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => light({ settings: { yellowWithinWorkingDays: -1 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_SETTINGS' }),
    );
    expect(resolveWarningLightSettings()).toEqual({ yellowWithinWorkingDays: 10, paceMarginPercent: 20 });
  });
});

describe('warning light: submitted and finished tasks', () => {
  it('a completion claim made in time stays green while the office decides', () => {
    expect(
      light({ status: 'SUBMITTED', submittedAt: at('2026-06-29T10:00:00'), now: at('2026-07-05T10:00:00') }),
    ).toMatchObject({
      light: 'GREEN',
      reasons: ['AWAITING_ACCEPTANCE'],
    });
    expect(
      light({ status: 'SUBMITTED', submittedAt: at('2026-07-02T10:00:00'), now: at('2026-07-05T10:00:00') }),
    ).toMatchObject({
      light: 'RED',
      reasons: ['OVERDUE', 'AWAITING_ACCEPTANCE'],
    });
  });

  it('done on time vs done late stays visible', () => {
    expect(
      light({ status: 'DONE', completedAt: at('2026-06-30T23:59:59'), now: at('2026-12-01T00:00:00') }),
    ).toMatchObject({
      light: 'DONE',
      reasons: [],
    });
    expect(
      light({ status: 'CLOSED', completedAt: at('2026-07-01T00:00:01'), now: at('2026-12-01T00:00:00') }),
    ).toMatchObject({
      light: 'DONE_LATE',
      reasons: ['COMPLETED_LATE'],
    });
  });

  it('an approved delay moves the date that counts; a mere date change does not', () => {
    const late = {
      status: 'DONE' as const,
      completedAt: at('2026-07-15T10:00:00'),
      dueDate: '2026-07-31',
      originalDueDate: '2026-06-30',
    };
    expect(light({ ...late, delayApproved: true }).light).toBe('DONE');
    expect(light({ ...late, delayApproved: false }).light).toBe('DONE_LATE');
  });

  it('a finished task must say when it finished', () => {
    expect(() => light({ status: 'DONE' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('completedOnTime and isOverdue', () => {
  it('compares against the end of the due day in Shanghai', () => {
    expect(completedOnTime(new Date('2026-06-30T15:59:59.999Z'), '2026-06-30', null, false)).toBe(true);
    expect(completedOnTime(new Date('2026-06-30T16:00:00.000Z'), '2026-06-30', null, false)).toBe(false);
    expect(completedOnTime(at('2026-07-10T10:00:00'), '2026-07-31', '2026-06-30', true)).toBe(true);
    expect(completedOnTime(at('2026-07-10T10:00:00'), '2026-07-31', '2026-06-30', false)).toBe(false);
  });

  it('isOverdue ignores finished tasks and claims made in time', () => {
    const now = at('2026-07-01T08:00:00');
    expect(isOverdue({ status: 'IN_PROGRESS', dueDate: '2026-06-30', now })).toBe(true);
    expect(isOverdue({ status: 'NOT_STARTED', dueDate: '2026-07-01', now })).toBe(false);
    expect(isOverdue({ status: 'DONE', dueDate: '2026-06-30', now })).toBe(false);
    expect(isOverdue({ status: 'SUBMITTED', dueDate: '2026-06-30', now, submittedAt: at('2026-06-30T20:00:00') })).toBe(
      false,
    );
    expect(isOverdue({ status: 'SUBMITTED', dueDate: '2026-06-30', now })).toBe(true);
  });
});

describe('warning light at scale', () => {
  it('evaluates 30,000 varied tasks into every light (speed is measured by the benches, not here)', () => {
    const now = at('2026-09-28T10:00:00');
    const cycle = { kind: 'MONTHLY', deadlineDay: 25 } as const;
    const counts: Record<string, number> = {};
    for (let i = 0; i < 30_000; i++) {
      const result = warningLight({
        status: 'IN_PROGRESS',
        assignedDate: '2026-02-02',
        dueDate: `2026-${String(1 + (i % 12)).padStart(2, '0')}-28`,
        progress: i % 101,
        lastReportAt: new Date(Date.UTC(2026, 7, 1 + (i % 50))),
        reportCycle: cycle,
        now,
        calendar,
      });
      counts[result.light] = (counts[result.light] ?? 0) + 1;
    }
    expect(Object.keys(counts).sort()).toEqual(['GREEN', 'RED', 'YELLOW']);
  });
});
