import { DomainError } from './errors.js';

/**
 * 考核 by rates, not raw counts, so a unit is not punished for having many tasks. Each component is a
 * rate between 0 and 1 in which higher is better; the tenant weighs the components; the score is the
 * weighted mean of the components that apply to the unit, on a 0–100 scale:
 *
 *   score = 100 × Σ weight·rate / Σ weight        (over components with a denominator > 0)
 *
 * A component with nothing to judge (no task due yet, no report owed) is left out rather than counted
 * as perfect or as failed, and its weight goes to the others. A unit with nothing to judge at all has
 * no score yet (and no rank).
 *
 * Each lateness is charged once, by the task's outcome: a task due by today (or finished) is on time,
 * late, or overdue. On time earns both ON_TIME and NOT_OVERDUE; finished late earns NOT_OVERDUE only
 * (better than never); still overdue earns neither. Reporting is judged per report period owed, not
 * per report: a report made on an overdue task is a report delivered, not a second lateness.
 *
 * Tasks a unit leads (牵头) count `leadWeight` times in every rate (the lead answers for the work).
 */
export const SCORE_COMPONENTS = [
  {
    component: 'ON_TIME',
    weight: 'onTimeWeight',
    label: '按时完成率',
    numerator: 'onTimeTasks',
    denominator: 'dueTasks',
    explain: '按时完成的任务 ÷ 已到期或已完成的任务',
  },
  {
    component: 'NOT_OVERDUE',
    weight: 'notOverdueWeight',
    label: '无逾期率',
    numerator: 'notOverdueTasks',
    denominator: 'dueTasks',
    explain: '1 − 逾期未完成的任务 ÷ 已到期或已完成的任务（逾期占比越低越好；逾期后完成的仍计入）',
  },
  {
    component: 'REPORTING',
    weight: 'reportingWeight',
    label: '按时报送率',
    numerator: 'periodsReportedOnTime',
    denominator: 'periodsOwed',
    explain: '按期报送的期次 ÷ 应报送的期次（按报送周期，每项未完成任务每期一次）',
  },
  {
    component: 'FIRST_PASS',
    weight: 'firstPassWeight',
    label: '报送一次通过率',
    numerator: 'reportsNotReturned',
    denominator: 'reportsReviewed',
    explain: '未被退回的报送 ÷ 办公室已处理的报送',
  },
  {
    component: 'RECTIFIED',
    weight: 'rectifiedWeight',
    label: '整改完成率',
    numerator: 'rectificationsDone',
    denominator: 'rectifications',
    explain: '已完成的整改任务 ÷ 整改任务',
  },
] as const;

export type ScoreComponentKey = (typeof SCORE_COMPONENTS)[number]['component'];
export type ScoreWeightKey = (typeof SCORE_COMPONENTS)[number]['weight'];
/** The counts a score reads, per role; the API's SQL produces them under these names. */
export type ScoreCountKey = (typeof SCORE_COMPONENTS)[number]['numerator' | 'denominator'];

export type ScoreRules = Record<ScoreWeightKey, number> & {
  /** How many times a task the unit leads counts in every rate (≥ 1). */
  leadWeight: number;
};

/** The defaults the issue asks for: on-time completion, overdue share and on-time reporting. */
export const DEFAULT_SCORE_RULES: Readonly<ScoreRules> = Object.freeze({
  onTimeWeight: 50,
  notOverdueWeight: 30,
  reportingWeight: 20,
  firstPassWeight: 0,
  rectifiedWeight: 0,
  leadWeight: 1.5,
});

/** The order in which equal scores are told apart; units equal on all of them share a rank. */
export const TIE_BREAK = ['ON_TIME', 'NOT_OVERDUE', 'REPORTING'] as const satisfies readonly ScoreComponentKey[];
export const TIE_BREAK_TEXT =
  '得分相同时，依次比较按时完成率、无逾期率（逾期占比低者在前）、按时报送率；仍相同的并列同一名次。';

const RULE_KEYS = new Set<string>(Object.keys(DEFAULT_SCORE_RULES));
const MAX_WEIGHT = 1000;

/** Merges a tenant's stored rules over the defaults; rejects unknown keys, negative weights, all-zero weights. */
export function validateScoreRules(input: Readonly<Record<string, unknown>> = {}): ScoreRules {
  const problems: string[] = [];
  for (const key of Object.keys(input)) {
    if (!RULE_KEYS.has(key)) problems.push(`unknown rule '${key}'`);
    else if (typeof input[key] !== 'number' || !Number.isFinite(input[key])) problems.push(`${key} must be a number`);
  }
  if (problems.length > 0) throw new DomainError('INVALID_SETTINGS', problems.join('; '), { problems });

  const rules = { ...DEFAULT_SCORE_RULES, ...(input as Partial<ScoreRules>) };
  for (const { weight } of SCORE_COMPONENTS) {
    if (rules[weight] < 0 || rules[weight] > MAX_WEIGHT) problems.push(`${weight} must be between 0 and ${MAX_WEIGHT}`);
  }
  if (SCORE_COMPONENTS.every(({ weight }) => rules[weight] === 0)) problems.push('weights must not all be 0');
  if (rules.leadWeight < 1 || rules.leadWeight > 10)
    problems.push('leadWeight must be between 1 and 10 (leading weighs no less than taking part)');
  if (problems.length > 0) throw new DomainError('INVALID_SETTINGS', problems.join('; '), { problems });
  return rules;
}

export type ScoreCounts = Partial<Record<ScoreCountKey, number>>;

/** A unit's counts split by its role on the tasks they come from. */
export interface UnitScoreCounts {
  asLead?: ScoreCounts;
  asResponsible?: ScoreCounts;
}

export interface ScoreBreakdownLine {
  component: ScoreComponentKey;
  label: string;
  /** Weighted by leadWeight (a lead task counts leadWeight times). */
  numerator: number;
  denominator: number;
  /** 0–1; null when there is nothing to judge (the component is left out). */
  rate: number | null;
  weight: number;
  /** This component's part of the score: 100 × weight·rate / Σ applicable weights. */
  points: number;
}

export interface ScoreResult {
  /** 0–100, two decimals; null when no component applies yet. */
  score: number | null;
  /** Every component in SCORE_COMPONENTS order; one weighted 0 shows its rate (the tie-break reads it) and adds nothing. */
  breakdown: ScoreBreakdownLine[];
}

/** Two decimals: float noise must not split ties. */
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
  const valid = validateScoreRules(rules);
  const weighted = (key: ScoreCountKey) =>
    countOf(counts.asLead, key) * valid.leadWeight + countOf(counts.asResponsible, key);
  const lines = SCORE_COMPONENTS.map((c) => {
    const numerator = weighted(c.numerator);
    const denominator = weighted(c.denominator);
    if (numerator > denominator) {
      throw new DomainError('INVALID_ARGUMENT', `${c.numerator} exceeds ${c.denominator}`, { numerator, denominator });
    }
    return {
      component: c.component,
      label: c.label,
      numerator,
      denominator,
      rate: denominator > 0 ? numerator / denominator : null,
      weight: valid[c.weight],
    };
  });
  const counted = (l: (typeof lines)[number]) => l.rate !== null && l.weight > 0;
  const applicable = lines.reduce((sum, l) => sum + (counted(l) ? l.weight : 0), 0);
  const breakdown = lines.map((l) => ({
    ...l,
    numerator: roundScore(l.numerator),
    denominator: roundScore(l.denominator),
    points: counted(l) ? roundScore((100 * l.weight * l.rate!) / applicable) : 0,
  }));
  const score =
    applicable === 0
      ? null
      : roundScore(lines.reduce((sum, l) => sum + (counted(l) ? 100 * l.weight * l.rate! : 0), 0) / applicable);
  return { score, breakdown };
}

export interface RankableRow {
  score: number | null;
  breakdown: readonly Pick<ScoreBreakdownLine, 'component' | 'rate'>[];
}

function rateOf(row: RankableRow, component: ScoreComponentKey): number | null {
  const rate = row.breakdown.find((l) => l.component === component)?.rate;
  return rate == null ? null : roundScore(rate * 100);
}

/** Higher first, "nothing to judge" (null) after every number. */
function compareDesc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/** Score, then the TIE_BREAK rates (compared to two decimals of a percent). */
export function compareRanked(a: RankableRow, b: RankableRow): number {
  const byScore = compareDesc(a.score, b.score);
  if (byScore !== 0) return byScore;
  for (const component of TIE_BREAK) {
    const c = compareDesc(rateOf(a, component), rateOf(b, component));
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Competition ranking (1, 2, 2, 4) by compareRanked; rows without a score get no rank and come last.
 * The sort is stable, so rows equal on every key keep their input order (the caller's, e.g. by name).
 */
export function rankUnits<T extends RankableRow>(rows: readonly T[]): Array<T & { rank: number | null }> {
  const sorted = [...rows].sort(compareRanked);
  let rank = 0;
  return sorted.map((row, index) => {
    if (row.score === null) return { ...row, rank: null };
    if (index === 0 || compareRanked(row, sorted[index - 1]!) !== 0) rank = index + 1;
    return { ...row, rank };
  });
}
