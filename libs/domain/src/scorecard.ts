import { DomainError } from './errors.js';

/**
 * One row per scoring rule: the tenant-set weight (`rule`), the count it multiplies (`count`, the
 * column name the API's SQL produces) and the label the scorecard and its xlsx export show.
 * PENALTY weights are ≤ 0 and weigh `leadWeight` times as much for tasks a unit leads (牵头);
 * BONUS weights are ≥ 0 and weigh the same for every role.
 */
export const SCORE_RULES = [
  { rule: 'perLateTask', count: 'lateTasks', kind: 'PENALTY', label: '逾期完成任务' },
  { rule: 'perOverdueTask', count: 'overdueTasks', kind: 'PENALTY', label: '逾期未完成任务' },
  { rule: 'perLateReport', count: 'lateReports', kind: 'PENALTY', label: '未按时报送进展' },
  { rule: 'perReturnedReport', count: 'returnedReports', kind: 'PENALTY', label: '报送被退回' },
  { rule: 'perUrge', count: 'urges', kind: 'PENALTY', label: '被催办' },
  { rule: 'perRefusedDelay', count: 'refusedDelays', kind: 'PENALTY', label: '延期申请未获批准' },
  { rule: 'perRectificationOpen', count: 'openRectifications', kind: 'PENALTY', label: '整改未完成' },
  { rule: 'bonusPerOnTime', count: 'onTimeTasks', kind: 'BONUS', label: '按时完成任务' },
] as const;

export type ScoreRuleKey = (typeof SCORE_RULES)[number]['rule'];
export type ScoreCountKey = (typeof SCORE_RULES)[number]['count'];

export type ScoreRules = Record<ScoreRuleKey, number> & {
  base: number;
  /** Multiplier for penalties on tasks the unit leads. */
  leadWeight: number;
  /** The score never goes below this (a 通报 with negative scores reads as an error). */
  minScore: number;
};

export const DEFAULT_SCORE_RULES: Readonly<ScoreRules> = Object.freeze({
  base: 100,
  leadWeight: 1.5,
  minScore: 0,
  perLateTask: -2,
  perOverdueTask: -3,
  perLateReport: -1,
  perReturnedReport: -2,
  perUrge: -0.5,
  perRefusedDelay: -1,
  perRectificationOpen: -2,
  bonusPerOnTime: 0,
});

const RULE_KEYS = new Set<string>(Object.keys(DEFAULT_SCORE_RULES));

/** Merges a tenant's stored rules over the defaults; rejects unknown keys and wrong signs. */
export function validateScoreRules(input: Readonly<Record<string, unknown>> = {}): ScoreRules {
  const problems: string[] = [];
  for (const key of Object.keys(input)) {
    if (!RULE_KEYS.has(key)) problems.push(`unknown rule '${key}'`);
    else if (typeof input[key] !== 'number' || !Number.isFinite(input[key])) problems.push(`${key} must be a number`);
  }
  if (problems.length > 0) throw new DomainError('INVALID_SETTINGS', problems.join('; '), { problems });

  const rules = { ...DEFAULT_SCORE_RULES, ...(input as Partial<ScoreRules>) };
  for (const { rule, kind } of SCORE_RULES) {
    if (kind === 'PENALTY' && rules[rule] > 0) problems.push(`${rule} is a penalty and must be ≤ 0`);
    if (kind === 'BONUS' && rules[rule] < 0) problems.push(`${rule} is a bonus and must be ≥ 0`);
  }
  if (rules.base <= 0) problems.push('base must be positive');
  if (rules.leadWeight < 1) problems.push('leadWeight must be at least 1 (leading weighs no less than taking part)');
  if (rules.minScore > rules.base) problems.push('minScore must not exceed base');
  if (problems.length > 0) throw new DomainError('INVALID_SETTINGS', problems.join('; '), { problems });
  return rules;
}

export interface ScoreWeight {
  rule: ScoreRuleKey;
  count: ScoreCountKey;
  label: string;
  /** Points per counted item on a task the unit leads. */
  asLead: number;
  /** Points per counted item on a task the unit is responsible for (责任单位). */
  asResponsible: number;
}

/**
 * The formula as plain numbers, for the API to evaluate in SQL and agree with computeScore:
 * score = round2(max(minScore, base + Σ round2(leadCount·asLead + responsibleCount·asResponsible))).
 */
export function scoreWeights(rules: Readonly<Record<string, unknown>> = {}): {
  base: number;
  minScore: number;
  weights: ScoreWeight[];
} {
  const valid = validateScoreRules(rules);
  return {
    base: valid.base,
    minScore: valid.minScore,
    weights: SCORE_RULES.map(({ rule, count, kind, label }) => ({
      rule,
      count,
      label,
      asLead: kind === 'PENALTY' ? valid[rule] * valid.leadWeight : valid[rule],
      asResponsible: valid[rule],
    })),
  };
}

export type ScoreCounts = Partial<Record<ScoreCountKey, number>>;

/** A unit's counts split by its role on the tasks they come from. */
export interface UnitScoreCounts {
  asLead?: ScoreCounts;
  asResponsible?: ScoreCounts;
}

export interface ScoreBreakdownLine {
  rule: ScoreRuleKey;
  label: string;
  count: number;
  points: number;
}

export interface ScoreResult {
  score: number;
  /** Every rule with a non-zero count, in SCORE_RULES order. */
  breakdown: ScoreBreakdownLine[];
}

/** Two decimals: weights like -0.5 × 1.5 stay exact and float noise does not split ties. */
export function roundScore(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

function countOf(counts: ScoreCounts | undefined, key: ScoreCountKey): number {
  const value = counts?.[key] ?? 0;
  if (!Number.isInteger(value) || value < 0) {
    throw new DomainError('INVALID_ARGUMENT', `${key} must be a non-negative integer, got ${value}`, { key, value });
  }
  return value;
}

export function computeScore(counts: UnitScoreCounts, rules: Readonly<Record<string, unknown>> = {}): ScoreResult {
  const { base, minScore, weights } = scoreWeights(rules);
  const breakdown: ScoreBreakdownLine[] = [];
  let total = base;
  for (const weight of weights) {
    const lead = countOf(counts.asLead, weight.count);
    const responsible = countOf(counts.asResponsible, weight.count);
    if (lead + responsible === 0) continue;
    const points = roundScore(lead * weight.asLead + responsible * weight.asResponsible);
    breakdown.push({ rule: weight.rule, label: weight.label, count: lead + responsible, points });
    total += points;
  }
  return { score: roundScore(Math.max(minScore, total)), breakdown };
}

/**
 * Highest score first; equal scores share a rank and the next rank skips (1, 2, 2, 4).
 * Ties keep their input order, so the caller decides the tie display order (e.g. by unit name).
 */
export function rankUnits<T extends { score: number }>(rows: readonly T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  let rank = 0;
  return sorted.map((row, index) => {
    if (index === 0 || row.score !== sorted[index - 1]!.score) rank = index + 1;
    return { ...row, rank };
  });
}
