import { readFileSync } from 'node:fs';
import { createWorkCalendar, Prng } from '@duban/domain';
import { parsePlan } from '@duban/plan-parser';
import { demoDocument } from '../demo-document.js';
import { currentDueDates, demoPlanYear, drawFate, lastYearDueDates, type TaskFate } from '../demo-story.js';

const SOURCE = readFileSync(new URL('../liaoning-2021-key-points.txt', import.meta.url), 'utf8');
const calendar = createWorkCalendar();

describe('demo year', () => {
  it('keeps last year as "this year" until the new key points are usually out (April)', () => {
    expect(demoPlanYear('2027-01-05')).toBe(2026);
    expect(demoPlanYear('2027-03-31')).toBe(2026);
    expect(demoPlanYear('2027-04-01')).toBe(2027);
  });

  it('puts key points before, around and after today on working days, never before the plan year', () => {
    const dues = currentDueDates('2026-09-16', calendar, 2026, 22);
    expect(dues.filter((d) => d < '2026-09-16').length).toBe(8);
    expect(dues.every((d) => calendar.isWorkingDay(d))).toBe(true);
    expect(dues.at(-1)! > '2027-01-01').toBe(true);
    // Early in a plan year the past ones crowd at its start instead of falling into the year before.
    expect(currentDueDates('2026-04-02', calendar, 2026, 22).every((d) => d >= '2026-01-12')).toBe(true);
  });

  it("dates last year's key points at month ends, never on the untimed default (Dec 31)", () => {
    expect(lastYearDueDates(2025, 8)).toEqual([
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
    ]);
  });

  it('draws the same fates from the same seed, and diligent units finish more', () => {
    const draw = (diligence: number) => {
      const random = Prng.derive(1, 2);
      return Array.from({ length: 400 }, () => drawFate(random, { diligence, dueIn: -5, hasLeader: true }).fate);
    };
    expect(draw(0.5)).toEqual(draw(0.5));
    const done = (fates: TaskFate[]) => fates.filter((f) => f === 'DONE').length;
    expect(done(draw(0.9))).toBeGreaterThan(done(draw(0.3)) + 100);
    expect(new Set(draw(0.5))).toEqual(
      new Set(['DONE', 'PENDING_LEADER', 'PENDING_OFFICE', 'LEADER_REJECTED', 'RETURNED', 'PROGRESS', 'UNTOUCHED']),
    );
  });

  it('never sends a report through a leader the unit does not have', () => {
    const random = Prng.derive(3);
    const fates = Array.from(
      { length: 400 },
      () => drawFate(random, { diligence: 0.5, dueIn: 3, hasLeader: false }).fate,
    );
    expect(fates).not.toContain('PENDING_LEADER');
    expect(fates).not.toContain('LEADER_REJECTED');
  });
});

describe('demo document', () => {
  it('states each time limit so the importer reads it as the due date, and names the year', () => {
    const dueDates = currentDueDates('2026-09-16', calendar, 2026, 22);
    const parsed = parsePlan(demoDocument(SOURCE, { year: 2026, dueDates }));
    expect(parsed.year).toBe(2026);
    expect(parsed.items).toHaveLength(22);
    parsed.items.forEach((item, i) => expect(item.deadlines.map((d) => d.date)).toContain(dueDates[i]));
  });

  it('keeps the first items with the units it is given', () => {
    const dueDates = lastYearDueDates(2025, 8);
    const parsed = parsePlan(
      demoDocument(SOURCE, {
        year: 2025,
        dueDates,
        items: 3,
        annotation: () => `(牵头单位:省财政厅;责任单位:沈阳市政府、大连市政府)`,
      }),
    );
    expect(parsed.items.map((i) => i.label)).toEqual(['1.', '2.', '3.']);
    expect(parsed.items[0].leadUnits).toEqual(['省财政厅']);
    expect(parsed.items[2].deadlines.map((d) => d.date)).toEqual(['2025-05-31']);
  });
});
