import { createWorkCalendar } from './calendar/work-calendar.js';
import { nextDeliveryTime, startOfNextDayShanghai, validateWorkHours } from './quiet-hours.js';

const calendar = createWorkCalendar();
const at = (local: string) => new Date(`${local}+08:00`);
const next = (local: string, hours?: { start: string; end: string }) =>
  nextDeliveryTime(at(local), calendar, hours).toISOString();

describe('quiet hours on the working-day calendar', () => {
  it('delivers at once during office hours of a working day', () => {
    expect(next('2026-09-30T10:15:00')).toBe(at('2026-09-30T10:15:00').toISOString());
    expect(next('2026-09-30T08:30:00')).toBe(at('2026-09-30T08:30:00').toISOString());
  });

  it('holds an early-morning message until the office opens the same day', () => {
    expect(next('2026-09-30T07:30:00')).toBe(at('2026-09-30T08:30:00').toISOString());
  });

  it('holds an evening message across the National Day holiday to the next working morning', () => {
    // Sep 30 is the last working day before Oct 1–7.
    expect(next('2026-09-30T17:30:00')).toBe(at('2026-10-08T08:30:00').toISOString());
    expect(next('2026-10-03T11:00:00')).toBe(at('2026-10-08T08:30:00').toISOString());
  });

  it('delivers on a 调休 Saturday that is a working day', () => {
    // Friday Oct 9 evening → Saturday Oct 10, a make-up working day.
    expect(next('2026-10-09T20:00:00')).toBe(at('2026-10-10T08:30:00').toISOString());
    expect(next('2026-10-10T09:00:00')).toBe(at('2026-10-10T09:00:00').toISOString());
    expect(next('2026-10-10T18:00:00')).toBe(at('2026-10-12T08:30:00').toISOString());
  });

  it("follows the office's own hours and the tenant's corrections", () => {
    expect(next('2026-09-30T08:45:00', { start: '09:00', end: '18:00' })).toBe(at('2026-09-30T09:00:00').toISOString());
    expect(next('2026-09-30T17:45:00', { start: '09:00', end: '18:00' })).toBe(at('2026-09-30T17:45:00').toISOString());
    const corrected = createWorkCalendar({ corrections: [{ date: '2026-10-08', workday: false }] });
    expect(nextDeliveryTime(at('2026-10-05T10:00:00'), corrected).toISOString()).toBe(
      at('2026-10-09T08:30:00').toISOString(),
    );
  });

  it('refuses hours that do not make a day', () => {
    expect(() => validateWorkHours({ start: '18:00', end: '08:30' })).toThrow(/start before they end/);
    expect(() => validateWorkHours({ start: '8:30', end: '17:30' })).toThrow(/HH:mm/);
  });

  it('knows when the next Shanghai day starts', () => {
    expect(startOfNextDayShanghai(at('2026-09-30T23:59:00')).toISOString()).toBe(
      at('2026-10-01T00:00:00').toISOString(),
    );
  });
});
