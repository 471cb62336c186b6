import { createHash } from 'node:crypto';
import type { ScorecardRowModel } from './dto/scorecard-row.model.js';

/** One scope's whole ranking, every unit in display order (rank, unit name, unit id), before any viewer filter. */
export interface Ranking {
  year: number | null;
  rankedUnits: number;
  rows: ScorecardRowModel[];
}

/**
 * Bump when the payload's shape or the row mapping changes: the SQL text is in the key already, so a
 * deploy that changes the formula never reads rows an older build computed (or the other way round).
 */
const FORMAT = 'scorecard-cache-2';

export function rulesKey(rules: unknown, sql: string, periods: unknown = null): string {
  return createHash('sha1')
    .update(`${FORMAT}\n${JSON.stringify(rules)}\n${JSON.stringify(periods)}\n${sql}`)
    .digest('hex');
}
