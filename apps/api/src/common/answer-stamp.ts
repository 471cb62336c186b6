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
