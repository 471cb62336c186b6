import { createHash } from 'node:crypto';
import { LOWER_STAMP_ORDER, lowerStampRowsSql } from '../../common/answer-stamp.js';
import type { CacheKey } from '../../common/revision-cache.js';
import {
  COVERAGE_POINTS_SQL,
  DETAIL_ROWS_SQL,
  INSERT_ROLLUP_CELLS_SQL,
  LOWER_LINKED_TASKS_SQL,
} from './lower-rollup.sql.js';

/**
 * A lower tenant linked now, as the upper's answers depend on it: its name, since when it is linked
 * (a link ended and made again starts a new copy) and its scorecard revision, which every write the
 * copy reads moves in the writing transaction (tasks, reports, key points, links, units, sharing).
 */
export interface LowerStamp {
  id: string;
  name: string;
  linked_at: string | null;
  revision: string;
}

/**
 * One statement whatever the number of lower tenants: the links with each lower tenant's revision, a
 * read across tenants on purpose (run it outside the tenant scope), naming the upper tenant. The same
 * rows, in the same order, as the lower stamp read with the session (common/answer-stamp.ts).
 */
export const LOWER_STAMPS_SQL = `
  SELECT s.id, s.name, s.linked_at::text AS linked_at, s.revision::text AS revision
    FROM (${lowerStampRowsSql('$1')}) s ORDER BY ${LOWER_STAMP_ORDER}`;

/** Bumped when what an answer holds changes shape; the SQL texts are in the hash too, so a deploy never reads older answers. */
const ANSWER_FORMAT = createHash('sha1')
  .update(
    [
      'lower-rollup-answer-1',
      LOWER_LINKED_TASKS_SQL,
      INSERT_ROLLUP_CELLS_SQL,
      COVERAGE_POINTS_SQL,
      DETAIL_ROWS_SQL,
    ].join('\n'),
  )
  .digest('hex');

/**
 * The revision cache's key for one of the upper's roll-up answers (coverage of a year, a key point's
 * drill-down). The cache itself checks the upper's own revision (its key points, plans, sections) and
 * the day (overdue moves at midnight); the lower tenants are in the key: a lower write, a link made or
 * ended, a rename gives another key, so an answer is never read after a write that would change it.
 */
export function lowerAnswerKey(upperTenantId: string, scope: string, today: string, lowers: LowerStamp[]): CacheKey {
  const stamps = lowers.map((l) => `${l.id}:${l.revision}:${l.linked_at ?? ''}:${l.name}`).join('\n');
  return {
    tenantId: upperTenantId,
    scope,
    today,
    rulesKey: createHash('sha1').update(`${ANSWER_FORMAT}\n${stamps}`).digest('hex'),
  };
}
