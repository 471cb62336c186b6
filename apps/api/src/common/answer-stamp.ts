/**
 * Everything a kept answer's data depends on for one tenant (the answer cache, modules/answer-cache),
 * as one SQL expression over the tenant id `tenant`: the revision every committed write to the scored
 * and published tables moves (a deferred trigger, so it commits with the write, in whichever API process
 * made it), the working-day calendar's revision, and the tenant's settings (light and score rules, report
 * cycle), which change without either. It is read with the session, in the statement every signed-in
 * request sends anyway, so a kept answer costs that one statement and nothing else.
 */
export const answerStampSql = (tenant: string) => `concat_ws(':',
    (SELECT coalesce(max(r.revision), 0) FROM scorecard_revision r WHERE r.tenant_id = ${tenant}),
    coalesce((SELECT c.revision FROM calendar_revision c WHERE c.tenant_id = ${tenant}), 0),
    (SELECT md5(t.settings::text) FROM tenant t WHERE t.id = ${tenant}))`;

/**
 * What the upper tenant's 上下联动 answers (modules/levels: the coverage matrix, the drill-down) depend on
 * besides its own stamp, as rows over the tenant id `tenant`: each lower tenant linked now with its
 * name, since when it is linked (a link ended and made again is another copy) and its scorecard
 * revision, which every write the roll-up reads moves in the writing transaction (tasks, reports, key
 * points and their upper links, units, the sharing setting). Both reads of them select from this one
 * query, in LOWER_STAMP_ORDER: the stamp below and the levels service's LOWER_STAMPS_SQL (its answers' keys).
 */
export const lowerStampRowsSql = (tenant: string) => `
    SELECT t.id, t.name, t.linked_at,
           (SELECT coalesce(max(r.revision), 0) FROM scorecard_revision r WHERE r.tenant_id = t.id) AS revision
      FROM tenant t WHERE t.upper_tenant_id = ${tenant}`;

/** The order both reads of the lower stamps take them in (over lowerStampRowsSql as `s`). */
export const LOWER_STAMP_ORDER = 's.name, s.id';

/**
 * The lower stamps (lowerStampRowsSql) hashed, as one SQL expression: '' for a tenant with no lower
 * tenant (an index probe). Read with the session like the answer stamp, and only for a read that may
 * be answered from a kept roll-up, so that one costs that one statement and no other request pays for it.
 */
export const lowerAnswerStampSql = (tenant: string) => `coalesce((
    SELECT md5(json_agg(json_build_array(s.id, s.name, s.linked_at, s.revision) ORDER BY ${LOWER_STAMP_ORDER})::text)
      FROM (${lowerStampRowsSql(tenant)}) s), '')`;
