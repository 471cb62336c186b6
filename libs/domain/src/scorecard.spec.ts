import {
  compareRanked,
  computeScore,
  DEFAULT_SCORE_RULES,
  rankUnits,
  roundScore,
  SCORE_COMPONENTS,
  validateScoreRules,
  type ScoreCounts,
  type UnitScoreCounts,
} from './scorecard.js';

/** n tasks all due, of which onTime finished on time, late finished late, the rest still overdue. */
function tasks(n: number, onTime: number, late = 0): ScoreCounts {
  return { dueTasks: n, onTimeTasks: onTime, notOverdueTasks: onTime + late };
}

describe('score rules', () => {
  it('defaults weigh the three rates the office reads and validate as they are', () => {
    expect(validateScoreRules()).toEqual(DEFAULT_SCORE_RULES);
    expect(DEFAULT_SCORE_RULES).toMatchObject({
      onTimeWeight: 50,
      notOverdueWeight: 30,
      reportingWeight: 20,
      firstPassWeight: 0,
      rectifiedWeight: 0,
    });
    const weights = SCORE_COMPONENTS.map((c) => c.weight);
    expect(new Set(weights).size).toBe(weights.length);
  });

  it('merges tenant rules over defaults', () => {
    const rules = validateScoreRules({ reportingWeight: 0, firstPassWeight: 10 });
    expect(rules).toMatchObject({ onTimeWeight: 50, reportingWeight: 0, firstPassWeight: 10 });
  });

  it.each([
    [{ perLateTask: -2 }, /unknown rule 'perLateTask'/],
    [{ onTimeWeight: -1 }, /onTimeWeight must be between/],
    [{ onTimeWeight: 0, notOverdueWeight: 0, reportingWeight: 0 }, /must not all be 0/],
    [{ leadWeight: 0.5 }, /leadWeight/],
    [{ reportingWeight: Number.NaN }, /reportingWeight must be a number/],
    [{ reportingWeight: '20' }, /reportingWeight must be a number/],
  ])('rejects %p', (input, message) => {
    expect(() => validateScoreRules(input)).toThrow(
      expect.objectContaining({ code: 'INVALID_SETTINGS', message: expect.stringMatching(message) }),
    );
  });
});

describe('computeScore', () => {
  const noLeadWeight = { leadWeight: 1 };

  it('is the weighted mean of the rates, with a breakdown that adds up to the score', () => {
    // 4 tasks due: 2 on time, 1 late, 1 overdue; 10 report periods owed, 8 on time.
    const result = computeScore(
      { asResponsible: { ...tasks(4, 2, 1), periodsOwed: 10, periodsReportedOnTime: 8 } },
      noLeadWeight,
    );
    // (50 × 0.5 + 30 × 0.75 + 20 × 0.8) / 100 × 100 = 25 + 22.5 + 16
    expect(result.score).toBe(63.5);
    expect(result.breakdown.map((l) => [l.component, l.numerator, l.denominator, l.rate, l.weight, l.points])).toEqual([
      ['ON_TIME', 2, 4, 0.5, 50, 25],
      ['NOT_OVERDUE', 3, 4, 0.75, 30, 22.5],
      ['REPORTING', 8, 10, 0.8, 20, 16],
      ['FIRST_PASS', 0, 0, null, 0, 0],
      ['RECTIFIED', 0, 0, null, 0, 0],
    ]);
    expect(roundScore(result.breakdown.reduce((s, l) => s + l.points, 0))).toBe(result.score);
  });

  it('does not punish a unit for the number of its tasks: the same record at 10× the tasks scores the same', () => {
    const few = computeScore({ asResponsible: { ...tasks(3, 2, 1), periodsOwed: 6, periodsReportedOnTime: 5 } });
    const many = computeScore({ asResponsible: { ...tasks(30, 20, 10), periodsOwed: 60, periodsReportedOnTime: 50 } });
    expect(many.score).toBe(few.score);
  });

  it('charges each lateness once: on time > finished late > still overdue, and finishing beats doing nothing', () => {
    const onTime = computeScore({ asResponsible: tasks(1, 1) }).score!;
    const late = computeScore({ asResponsible: tasks(1, 0, 1) }).score!;
    const overdue = computeScore({ asResponsible: tasks(1, 0, 0) }).score!;
    expect([onTime, late, overdue]).toEqual([100, 37.5, 0]);
    // The city governments: one finished one of its two tasks (late), two did nothing.
    expect(computeScore({ asResponsible: tasks(2, 0, 1) }).score).toBeGreaterThan(
      computeScore({ asResponsible: tasks(2, 0, 0) }).score!,
    );
  });

  it('leaves out what there is nothing to judge, and has no score when nothing applies', () => {
    // No report cycle (no periods owed): completion alone, weights 50 and 30 renormalised.
    expect(computeScore({ asResponsible: tasks(2, 1, 1) }).score).toBe(roundScore(((50 * 0.5 + 30 * 1) / 80) * 100));
    const nothing = computeScore({ asResponsible: { dueTasks: 0 } });
    expect(nothing.score).toBeNull();
    expect(nothing.breakdown.every((l) => l.rate === null && l.points === 0)).toBe(true);
    expect(computeScore({}).score).toBeNull();
  });

  it('counts lead tasks leadWeight times in every rate', () => {
    const counts: UnitScoreCounts = { asLead: tasks(1, 0), asResponsible: tasks(1, 1) };
    // ON_TIME = (0 × 1.5 + 1) / (1.5 + 1) = 0.4, NOT_OVERDUE likewise.
    const result = computeScore(counts);
    expect(result.breakdown[0]).toMatchObject({ numerator: 1, denominator: 2.5, rate: 0.4 });
    expect(result.score).toBe(40);
    expect(computeScore(counts, { leadWeight: 1 }).score).toBe(50);
  });

  it('shows a rate weighted 0 without counting it', () => {
    const result = computeScore(
      { asResponsible: { ...tasks(2, 1, 1), periodsOwed: 4, periodsReportedOnTime: 1 } },
      { reportingWeight: 0, leadWeight: 1 },
    );
    expect(result.breakdown[2]).toMatchObject({ component: 'REPORTING', rate: 0.25, weight: 0, points: 0 });
    expect(result.score).toBe(roundScore(((50 * 0.5 + 30 * 1) / 80) * 100));
  });

  it('uses the tenant’s optional components when weighted', () => {
    const counts: UnitScoreCounts = {
      asResponsible: {
        ...tasks(2, 2),
        reportsReviewed: 4,
        reportsNotReturned: 1,
        rectifications: 2,
        rectificationsDone: 1,
      },
    };
    expect(computeScore(counts).score).toBe(100);
    expect(computeScore(counts, { firstPassWeight: 20, rectifiedWeight: 20 }).score).toBe(
      roundScore(((80 + 20 * 0.25 + 20 * 0.5) / 120) * 100),
    );
  });

  it('rejects impossible counts', () => {
    expect(() => computeScore({ asLead: { dueTasks: -1 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => computeScore({ asResponsible: { dueTasks: 1.5 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => computeScore({ asResponsible: { dueTasks: 1, onTimeTasks: 2 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('rankUnits', () => {
  const row = (unit: string, counts: ScoreCounts) => ({
    unit,
    ...computeScore({ asResponsible: counts }, { leadWeight: 1 }),
  });

  it('breaks equal scores by on-time rate, then overdue share, then reporting; full ties share a rank', () => {
    // 甲 and 乙 both score 64: 甲 finished more on time (0.6 vs 0.4), 乙 reported better. On-time comes first.
    const ranked = rankUnits([
      row('乙', { ...tasks(5, 2, 2), periodsOwed: 10, periodsReportedOnTime: 10 }),
      row('甲', { ...tasks(5, 3, 0), periodsOwed: 10, periodsReportedOnTime: 8 }),
      row('丙', { ...tasks(5, 3, 0), periodsOwed: 10, periodsReportedOnTime: 8 }),
      row('丁', { ...tasks(5, 5), periodsOwed: 10, periodsReportedOnTime: 10 }),
      row('戊', { dueTasks: 0 }),
    ]);
    expect(ranked.map((r) => [r.unit, r.score, r.rank])).toEqual([
      ['丁', 100, 1],
      ['甲', 64, 2],
      ['丙', 64, 2],
      ['乙', 64, 4],
      ['戊', null, null],
    ]);
  });

  it('ranks a tie on score by the stated rule, not by name', () => {
    // Same score 50: 子 has the higher on-time rate, so it ranks first though 丑 comes first in the list.
    const a = {
      unit: '丑',
      score: 50,
      breakdown: [
        { component: 'ON_TIME' as const, rate: 0.2 },
        { component: 'NOT_OVERDUE' as const, rate: 0.9 },
      ],
    };
    const b = {
      unit: '子',
      score: 50,
      breakdown: [
        { component: 'ON_TIME' as const, rate: 0.4 },
        { component: 'NOT_OVERDUE' as const, rate: 0.5 },
      ],
    };
    expect(rankUnits([a, b]).map((r) => [r.unit, r.rank])).toEqual([
      ['子', 1],
      ['丑', 2],
    ]);
    const c = {
      ...b,
      unit: '寅',
      breakdown: [
        { component: 'ON_TIME' as const, rate: 0.4 },
        { component: 'NOT_OVERDUE' as const, rate: 0.6 },
      ],
    };
    expect(rankUnits([b, c]).map((r) => [r.unit, r.rank])).toEqual([
      ['寅', 1],
      ['子', 2],
    ]);
    expect(compareRanked(b, { ...b, unit: '卯' })).toBe(0);
  });

  it('does not mutate its input and handles empty lists', () => {
    const rows = [
      { score: 1, breakdown: [] },
      { score: 2, breakdown: [] },
    ];
    rankUnits(rows);
    expect(rows.map((r) => r.score)).toEqual([1, 2]);
    expect(rankUnits([])).toEqual([]);
  });
});
