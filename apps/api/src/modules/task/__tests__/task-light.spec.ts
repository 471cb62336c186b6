import { withDefaults } from '../../tenant/tenant-settings.js';
import { lightOfTask, overdueWorkingDaysOf, type TaskLightRow } from '../task-light.js';
import { rulesFromSettings } from '../task-rules.service.js';

// Monday 2026-06-15, noon in Shanghai; 2026-06-19 (Friday) is 端午节.
const NOW = new Date('2026-06-15T04:00:00Z');
const rules = rulesFromSettings(withDefaults({ reportCycle: { kind: 'NONE' } }));
const monthly = rulesFromSettings(withDefaults({}));

const row = (over: Partial<TaskLightRow>): TaskLightRow => ({
  status: 'IN_PROGRESS',
  due_date: '2026-12-31',
  original_due_date: '2026-12-31',
  assigned_on: '2026-01-01',
  progress: 90,
  last_report_at: null,
  completed_at: null,
  accepted_at: null,
  updated_at: NOW,
  due_date_sanctioned: false,
  ...over,
});

describe('stored task lights from the domain rule', () => {
  it('is red the day after the due date, in Shanghai', () => {
    expect(lightOfTask(row({ due_date: '2026-06-14' }), rules, NOW)).toBe('RED');
    expect(lightOfTask(row({ due_date: '2026-06-15' }), rules, NOW)).toBe('YELLOW');
    // 2026-06-15 00:30 in Shanghai is still 06-14 in UTC: Shanghai decides.
    expect(lightOfTask(row({ due_date: '2026-06-14' }), rules, new Date('2026-06-14T16:30:00Z'))).toBe('RED');
  });

  it('turns yellow within 10 working days, skipping the 端午 holiday', () => {
    expect(lightOfTask(row({ due_date: '2026-06-30' }), rules, NOW)).toBe('YELLOW'); // 10th working day
    expect(lightOfTask(row({ due_date: '2026-07-01' }), rules, NOW)).toBe('GREEN'); // 11th
  });

  it("turns yellow when behind pace or when the period's report is missing", () => {
    expect(lightOfTask(row({ progress: 10 }), rules, NOW)).toBe('YELLOW');
    expect(lightOfTask(row({}), monthly, NOW)).toBe('YELLOW');
    expect(lightOfTask(row({ last_report_at: new Date('2026-06-01T02:00:00Z') }), monthly, NOW)).toBe('GREEN');
  });

  it('judges a finished task by the original due date unless a delay was approved', () => {
    const done = {
      status: 'DONE' as const,
      completed_at: new Date('2026-06-02T02:00:00Z'),
      original_due_date: '2026-05-29',
      due_date: '2026-06-30',
    };
    expect(lightOfTask(row(done), rules, NOW)).toBe('DONE_LATE');
    expect(lightOfTask(row({ ...done, due_date_sanctioned: true }), rules, NOW)).toBe('DONE');
    expect(overdueWorkingDaysOf(row(done), rules, NOW)).toBe(2);
    expect(overdueWorkingDaysOf(row({ ...done, due_date_sanctioned: true }), rules, NOW)).toBe(0);
  });

  it('counts working days overdue until today for an open task', () => {
    // 06-05 (Fri) → 06-15 (Mon): 8, 9, 10, 11, 12, 15 = 6 working days.
    expect(overdueWorkingDaysOf(row({ due_date: '2026-06-05', original_due_date: '2026-06-05' }), rules, NOW)).toBe(6);
    expect(overdueWorkingDaysOf(row({}), rules, NOW)).toBe(0);
  });
});
