import { addDays } from './calendar/iso-date.js';
import { createWorkCalendar } from './calendar/work-calendar.js';
import {
  escalationStep,
  resolveEscalationSettings,
  type EscalationStep,
  type EscalationStepTaken,
} from './escalation.js';

const calendar = createWorkCalendar();
const at = (local: string) => new Date(`${local}+08:00`);
// Due Friday Oct 9, 2026, right after the National Day week.
const dueDate = '2026-10-09';

function step(now: string, stepsAlreadyTaken: EscalationStepTaken[] = [], status = 'IN_PROGRESS' as const) {
  return escalationStep({ dueDate, status, now: at(now), calendar, stepsAlreadyTaken });
}

describe('escalation ladder', () => {
  it('reminds within 3 working days of the due date, counting across the holiday', () => {
    // Sep 29 → Sep 30, Oct 8, Oct 9 = 3 working days left; Sep 28 has 4.
    expect(step('2026-09-28T10:00:00')).toBeNull();
    expect(step('2026-09-29T10:00:00')).toBe('REMIND');
    expect(step('2026-10-09T23:00:00')).toBe('REMIND');
  });

  it('does not remind twice', () => {
    expect(step('2026-09-30T10:00:00', [{ step: 'REMIND', takenAt: at('2026-09-29T10:00:00') }])).toBeNull();
  });

  it('urges one working day after the due date — on the 调休 Saturday', () => {
    expect(step('2026-10-10T08:00:00')).toBe('URGE');
    const sundayAfterUrge = step('2026-10-11T08:00:00', [{ step: 'URGE', takenAt: at('2026-10-10T08:00:00') }]);
    expect(sundayAfterUrge).toBeNull();
  });

  it('does not urge before a working day has passed since the due date', () => {
    const tenant = createWorkCalendar({ corrections: [{ date: '2026-10-10', workday: false }] });
    const at11 = escalationStep({
      dueDate,
      status: 'IN_PROGRESS',
      now: at('2026-10-11T10:00:00'),
      calendar: tenant,
      stepsAlreadyTaken: [],
    });
    const at12 = escalationStep({
      dueDate,
      status: 'IN_PROGRESS',
      now: at('2026-10-12T10:00:00'),
      calendar: tenant,
      stepsAlreadyTaken: [],
    });
    expect([at11, at12]).toEqual([null, 'URGE']);
  });

  it('a missed due date skips the reminder and urges', () => {
    expect(step('2026-10-20T10:00:00')).toBe('URGE');
  });

  it('supervises M working days after the urge, then stops', () => {
    const urged = [{ step: 'URGE' as const, takenAt: at('2026-10-10T09:00:00') }];
    // After Oct 10: Oct 12, 13, 14, 15, 16 → the 5th working day is Oct 16.
    expect(step('2026-10-15T18:00:00', urged)).toBeNull();
    expect(step('2026-10-16T09:00:00', urged)).toBe('SUPERVISE');
    expect(
      step('2026-11-30T09:00:00', [...urged, { step: 'SUPERVISE', takenAt: at('2026-10-16T09:00:00') }]),
    ).toBeNull();
  });

  it('nothing is owed by submitted, done or closed tasks', () => {
    for (const status of ['SUBMITTED', 'DONE', 'CLOSED'] as const) {
      expect(
        escalationStep({ dueDate, status, now: at('2026-10-20T10:00:00'), calendar, stepsAlreadyTaken: [] }),
      ).toBeNull();
    }
    expect(
      escalationStep({ dueDate, status: 'RETURNED', now: at('2026-10-20T10:00:00'), calendar, stepsAlreadyTaken: [] }),
    ).toBe('URGE');
  });

  it('a daily scheduler recording each step produces each rung exactly once', () => {
    const taken: EscalationStepTaken[] = [];
    const log: Array<[EscalationStep, string]> = [];
    for (let day = '2026-09-20'; day <= '2026-11-30'; day = addDays(day, 1)) {
      for (const time of ['T08:00:00', 'T17:00:00']) {
        const next = step(day + time, taken);
        if (next) {
          taken.push({ step: next, takenAt: at(day + time) });
          log.push([next, day]);
        }
      }
    }
    expect(log).toEqual([
      ['REMIND', '2026-09-29'],
      ['URGE', '2026-10-10'],
      ['SUPERVISE', '2026-10-16'],
    ]);
  });

  it('uses tenant settings and validates them', () => {
    const settings = { remindBeforeWorkingDays: 5, urgeAfterWorkingDays: 2, superviseAfterWorkingDays: 1 };
    const run = (now: string, stepsAlreadyTaken: EscalationStepTaken[] = []) =>
      escalationStep({ dueDate, status: 'IN_PROGRESS', now: at(now), calendar, settings, stepsAlreadyTaken });
    // After Thu Sep 24: Sep 25 is Mid-Autumn, so Sep 28, 29, 30, Oct 8, 9 = 5 working days left.
    expect(run('2026-09-23T10:00:00')).toBeNull();
    expect(run('2026-09-24T10:00:00')).toBe('REMIND');
    expect(run('2026-10-10T10:00:00')).toBeNull();
    expect(run('2026-10-12T10:00:00')).toBe('URGE');
    expect(run('2026-10-13T10:00:00', [{ step: 'URGE', takenAt: at('2026-10-12T10:00:00') }])).toBe('SUPERVISE');
    expect(() => resolveEscalationSettings({ urgeAfterWorkingDays: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_SETTINGS' }),
    );
    expect(() => resolveEscalationSettings({ remindBeforeWorkingDays: 1.5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_SETTINGS' }),
    );
  });
});
