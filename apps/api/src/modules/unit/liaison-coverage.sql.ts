/**
 * A unit without a liaison account: nobody can see its tasks or report on them. The condition on a
 * `unit` row aliased `alias`, for any query that lists units (publish warnings, the directory).
 */
export const hasNoLiaison = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM app_user liaison WHERE liaison.tenant_id = ${alias}.tenant_id AND liaison.unit_id = ${alias}.id
     AND liaison.role = 'UNIT_LIAISON' AND liaison.active)`;
