import { defaultDueDate, keyPointSchedule, validateDueMonthDay } from './due-date.js';

describe('key point due dates from parsed deadlines', () => {
  it('is due at the latest dated deadline; milestones are the dated deadlines by date', () => {
    const schedule = keyPointSchedule({
      planYear: 2020,
      deadlines: [
        { text: '9月底前报送', date: '2020-09-30' },
        { text: '20个工作日内', date: null },
        { text: '8月底前完成', date: '2020-08-31' },
      ],
    });
    expect(schedule.dueDate).toBe('2020-09-30');
    expect(schedule.dueDateSource).toBe('DEADLINE');
    expect(schedule.milestones).toEqual([
      { text: '8月底前完成', date: '2020-08-31' },
      { text: '9月底前报送', date: '2020-09-30' },
    ]);
  });

  it('a deadline in a later year (2019年底前 in a 2018 plan) wins', () => {
    const schedule = keyPointSchedule({
      planYear: 2018,
      deadlines: [
        { text: '2019年底前', date: '2019-12-31' },
        { text: '6月底前', date: '2018-06-30' },
      ],
    });
    expect(schedule.dueDate).toBe('2019-12-31');
  });

  it('equal dates keep the document order', () => {
    const schedule = keyPointSchedule({
      planYear: 2018,
      deadlines: [
        { text: '上半年', date: '2018-06-30' },
        { text: '6月底前', date: '2018-06-30' },
      ],
    });
    expect(schedule.milestones.map((m) => m.text)).toEqual(['上半年', '6月底前']);
  });

  it('without a dated deadline it is due at year end, or at the tenant default', () => {
    const undated = [{ text: '1个工作日内', date: null }];
    expect(keyPointSchedule({ planYear: 2026, deadlines: undated })).toEqual({
      dueDate: '2026-12-31',
      dueDateSource: 'DEFAULT',
      milestones: [],
    });
    expect(keyPointSchedule({ planYear: 2026, deadlines: [], defaultDueMonthDay: '11-30' }).dueDate).toBe('2026-11-30');
    expect(defaultDueDate(2018)).toBe('2018-12-31');
  });

  it('rejects malformed defaults and deadline dates', () => {
    for (const bad of ['13-01', '6-30', '04-31', '02-29', '12-31x']) {
      expect(() => validateDueMonthDay(bad)).toThrow(expect.objectContaining({ code: 'INVALID_SETTINGS' }));
    }
    expect(() => keyPointSchedule({ planYear: 2026, deadlines: [{ text: 'x', date: '2026-06-31' }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
    expect(() => defaultDueDate(26)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
