import {
  computeScore,
  DEFAULT_SCORE_RULES,
  rankUnits,
  roundScore,
  SCORE_RULES,
  scoreWeights,
  validateScoreRules,
  type UnitScoreCounts,
} from './scorecard.js';

describe('score rules', () => {
  it('defaults cover every rule key exactly once', () => {
    const ruleKeys = SCORE_RULES.map((r) => r.rule);
    expect(new Set(ruleKeys).size).toBe(ruleKeys.length);
    for (const key of ruleKeys) expect(typeof DEFAULT_SCORE_RULES[key]).toBe('number');
    expect(validateScoreRules()).toEqual(DEFAULT_SCORE_RULES);
  });

  it('merges tenant rules over defaults', () => {
    const rules = validateScoreRules({ perUrge: -1, bonusPerOnTime: 0.5 });
    expect(rules.perUrge).toBe(-1);
    expect(rules.bonusPerOnTime).toBe(0.5);
    expect(rules.perLateTask).toBe(-2);
  });

  it.each([
    [{ perUrg: -1 }, /unknown rule 'perUrg'/],
    [{ perLateTask: 2 }, /perLateTask is a penalty/],
    [{ bonusPerOnTime: -1 }, /bonusPerOnTime is a bonus/],
    [{ leadWeight: 0.5 }, /leadWeight/],
    [{ base: 0 }, /base must be positive/],
    [{ minScore: 120 }, /minScore/],
    [{ perUrge: Number.NaN }, /perUrge must be a number/],
    [{ perUrge: '-1' }, /perUrge must be a number/],
  ])('rejects %p', (input, message) => {
    expect(() => validateScoreRules(input)).toThrow(expect.objectContaining({ code: 'INVALID_SETTINGS', message: expect.stringMatching(message) }));
  });
});

describe('computeScore', () => {
  it('weighs lead-unit failures by leadWeight and lists the breakdown in rule order', () => {
    const counts: UnitScoreCounts = {
      asLead: { overdueTasks: 2, urges: 3 },
      asResponsible: { overdueTasks: 1, lateReports: 4 },
    };
    // overdue: 2 × −3 × 1.5 + 1 × −3 = −12; late reports: −4; urges: 3 × −0.5 × 1.5 = −2.25.
    expect(computeScore(counts)).toEqual({
      score: 81.75,
      breakdown: [
        { rule: 'perOverdueTask', label: '逾期未完成任务', count: 3, points: -12 },
        { rule: 'perLateReport', label: '未按时报送进展', count: 4, points: -4 },
        { rule: 'perUrge', label: '被催办', count: 3, points: -2.25 },
      ],
    });
  });

  it('a clean unit keeps the base', () => {
    expect(computeScore({})).toEqual({ score: 100, breakdown: [] });
  });

  it('bonuses are not multiplied for leading', () => {
    const result = computeScore({ asLead: { onTimeTasks: 2 }, asResponsible: { onTimeTasks: 1 } }, { bonusPerOnTime: 1 });
    expect(result.score).toBe(103);
  });

  it('never goes below minScore', () => {
    expect(computeScore({ asLead: { overdueTasks: 40 } }).score).toBe(0);
    expect(computeScore({ asLead: { overdueTasks: 40 } }, { minScore: -1000 }).score).toBe(-80);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => computeScore({ asLead: { urges: -1 } })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => computeScore({ asResponsible: { urges: 1.5 } })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('keeps decimal weights exact', () => {
    expect(computeScore({ asResponsible: { urges: 3 } }, { perUrge: -0.1 }).score).toBe(99.7);
    expect(roundScore(0.1 + 0.2)).toBe(0.3);
  });

  it('scoreWeights gives the API the same formula to run in SQL', () => {
    const rules = { perUrge: -0.3, leadWeight: 2, bonusPerOnTime: 0.25 };
    const { base, minScore, weights } = scoreWeights(rules);
    expect(weights.find((w) => w.rule === 'perUrge')).toMatchObject({ count: 'urges', asLead: -0.6, asResponsible: -0.3 });
    expect(weights.find((w) => w.rule === 'bonusPerOnTime')).toMatchObject({ asLead: 0.25, asResponsible: 0.25 });

    // Any counts: the weights formula and computeScore agree.
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) % 6;
    for (let i = 0; i < 50; i++) {
      const asLead: Record<string, number> = {};
      const asResponsible: Record<string, number> = {};
      for (const { count } of SCORE_RULES) {
        asLead[count] = random();
        asResponsible[count] = random();
      }
      const sql = weights.reduce(
        (sum, w) => sum + roundScore(asLead[w.count]! * w.asLead + asResponsible[w.count]! * w.asResponsible),
        base,
      );
      expect(computeScore({ asLead, asResponsible }, rules).score).toBe(roundScore(Math.max(minScore, sql)));
    }
  });
});

describe('rankUnits', () => {
  it('uses competition ranking: ties share a rank and the next rank skips', () => {
    const ranked = rankUnits([
      { unit: '城建局', score: 90 },
      { unit: '经发局', score: 95 },
      { unit: '财政局', score: 90 },
      { unit: '教育局', score: 80 },
      { unit: '卫健委', score: 80 },
      { unit: '民政局', score: 70 },
    ]);
    expect(ranked.map((r) => [r.unit, r.rank])).toEqual([
      ['经发局', 1],
      ['城建局', 2],
      ['财政局', 2],
      ['教育局', 4],
      ['卫健委', 4],
      ['民政局', 6],
    ]);
  });

  it('does not mutate its input and handles empty lists', () => {
    const rows = [{ score: 1 }, { score: 2 }];
    rankUnits(rows);
    expect(rows).toEqual([{ score: 1 }, { score: 2 }]);
    expect(rankUnits([])).toEqual([]);
  });
});
