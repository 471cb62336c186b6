import { dailyRunAt, daysToRun, lastDueDay } from './supervision-days.js';

describe('daily supervision days', () => {
  it('falls due at 07:30 in Shanghai', () => {
    expect(dailyRunAt('2026-10-12').toISOString()).toBe('2026-10-11T23:30:00.000Z');
    expect(lastDueDay(new Date('2026-10-12T07:29:59+08:00'))).toBe('2026-10-11');
    expect(lastDueDay(new Date('2026-10-12T07:30:00+08:00'))).toBe('2026-10-12');
  });

  it('runs only the day itself for a tenant never run before', () => {
    expect(daysToRun('2026-10-12', 7, null, new Set())).toEqual(['2026-10-12']);
  });

  it('catches up the missed days since the first recorded one, oldest first, skipping completed ones', () => {
    const completed = new Set(['2026-10-08', '2026-10-10']);
    expect(daysToRun('2026-10-12', 7, '2026-10-08', completed)).toEqual(['2026-10-09', '2026-10-11', '2026-10-12']);
  });

  it('looks back no further than the lookback', () => {
    expect(daysToRun('2026-10-12', 2, '2026-09-01', new Set())).toEqual(['2026-10-10', '2026-10-11', '2026-10-12']);
    expect(daysToRun('2026-10-12', 0, '2026-09-01', new Set())).toEqual(['2026-10-12']);
  });

  it('has nothing to run when the day is completed', () => {
    expect(daysToRun('2026-10-12', 0, '2026-10-12', new Set(['2026-10-12']))).toEqual([]);
  });
});
