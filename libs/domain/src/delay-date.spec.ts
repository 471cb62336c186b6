import { delayDateProblem, delayDateRange, MAX_DELAY_DAYS } from './delay-date.js';

describe('delay dates', () => {
  it('offers the days after the due date while the task is not yet due', () => {
    expect(delayDateRange('2026-06-30', '2026-05-10')).toEqual({ earliest: '2026-07-01', latest: '2027-07-01' });
    expect(delayDateProblem('2026-06-30', '2026-06-30', '2026-05-10')).toBe('NOT_AFTER_DUE');
    expect(delayDateProblem('2026-07-01', '2026-06-30', '2026-05-10')).toBeNull();
  });

  it('offers dates from today for an overdue task, and refuses the days in between', () => {
    // Due 2026-03-31, asked on 2026-11-23: April to November 22 are past, not a new time limit.
    expect(delayDateRange('2026-03-31', '2026-11-23')).toEqual({ earliest: '2026-11-23', latest: '2027-11-24' });
    expect(delayDateProblem('2026-06-30', '2026-03-31', '2026-11-23')).toBe('IN_PAST');
    expect(delayDateProblem('2026-11-22', '2026-03-31', '2026-11-23')).toBe('IN_PAST');
    expect(delayDateProblem('2026-11-23', '2026-03-31', '2026-11-23')).toBeNull();
    expect(delayDateProblem('2027-06-30', '2026-03-31', '2026-11-23')).toBeNull();
  });

  it('refuses more than a year beyond the later of the due date and today', () => {
    expect(MAX_DELAY_DAYS).toBe(366);
    expect(delayDateProblem('2027-07-01', '2026-06-30', '2026-05-10')).toBeNull();
    expect(delayDateProblem('2027-07-02', '2026-06-30', '2026-05-10')).toBe('TOO_FAR');
    expect(delayDateProblem('2027-11-25', '2026-03-31', '2026-11-23')).toBe('TOO_FAR');
  });
});
