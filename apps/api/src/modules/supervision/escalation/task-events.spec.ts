import { createWorkCalendar } from '@duban/domain';
import { dueEvents, eventsToAnnounce, type EventRules, type OpenTask } from './task-events.js';

const calendar = createWorkCalendar();
const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
const rules = (date: string, overrides: Partial<EventRules> = {}): EventRules => ({
  now: at(date),
  calendar,
  escalation: { remindBeforeWorkingDays: 3, urgeAfterWorkingDays: 1, superviseAfterWorkingDays: 5 },
  yellowWithinWorkingDays: 10,
  reportCycle: { kind: 'MONTHLY', deadlineDay: 25 },
  ...overrides,
});
const task = (overrides: Partial<OpenTask> = {}): OpenTask => ({
  id: 't1',
  unit_id: 'u1',
  status: 'IN_PROGRESS',
  due_date: '2026-12-31',
  assigned_on: '2026-01-01',
  last_report_at: null,
  ...overrides,
});

describe('dueEvents', () => {
  it('asks for the period report 3 working days before its deadline and flags the last missed one', () => {
    // October's deadline 10-25 is a Sunday → Monday 10-26; September's (中秋 holiday) moved to 09-28.
    expect(dueEvents(task(), [], rules('2026-10-21'))).toEqual([
      { taskId: 't1', kind: 'REPORT_MISSING', anchorDate: '2026-09-28' },
      { taskId: 't1', kind: 'REPORT_DUE', anchorDate: '2026-10-26' },
    ]);
    expect(dueEvents(task(), [], rules('2026-10-20')).map((e) => e.kind)).toEqual(['REPORT_MISSING']);
  });

  it("owes nothing once this period's report is in, and nothing without a report cycle", () => {
    expect(dueEvents(task({ last_report_at: at('2026-10-05') }), [], rules('2026-10-21'))).toEqual([]);
    expect(dueEvents(task(), [], rules('2026-10-21', { reportCycle: null }))).toEqual([]);
  });

  it('skips what the ledger already holds for the same anchor only', () => {
    const taken = [{ step: 'REPORT_MISSING' as const, anchor_date: '2026-09-28', taken_at: at('2026-10-20') }];
    expect(dueEvents(task(), taken, rules('2026-10-21')).map((e) => e.kind)).toEqual(['REPORT_DUE']);
    const urgedForOldDueDate = [{ step: 'URGE' as const, anchor_date: '2026-10-09', taken_at: at('2026-10-12') }];
    const moved = task({ due_date: '2026-10-30' });
    // After a delay the earlier urge does not count: the task is due soon again, not up for 督办.
    expect(dueEvents(moved, urgedForOldDueDate, rules('2026-10-26', { reportCycle: null })).map((e) => e.kind)).toEqual(
      ['DUE_SOON'],
    );
  });

  it('announces one ladder event and one report event per task, the most severe', () => {
    const events = [
      { taskId: 'a', kind: 'OVERDUE' as const, anchorDate: 'x' },
      { taskId: 'a', kind: 'URGE' as const, anchorDate: 'x' },
      { taskId: 'a', kind: 'REPORT_DUE' as const, anchorDate: 'y' },
      { taskId: 'a', kind: 'REPORT_MISSING' as const, anchorDate: 'z' },
      { taskId: 'b', kind: 'DUE_SOON' as const, anchorDate: 'x' },
    ];
    expect(eventsToAnnounce(events).map((e) => `${e.taskId}:${e.kind}`)).toEqual([
      'a:URGE',
      'a:REPORT_MISSING',
      'b:DUE_SOON',
    ]);
  });
});
