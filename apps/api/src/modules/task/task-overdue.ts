import { type SqlParams } from '../../common/sql.js';

/**
 * SQL twin of the domain's isOverdue for task alias `t`: not finished and past its due day, except a
 * completion claim made by the due day (the office's review time is not the unit's lateness).
 */
export function overdueCondition(today: string, params: SqlParams, alias = 't'): string {
  const day = params.add(today);
  return `(${alias}.status NOT IN ('DONE','CLOSED') AND ${alias}.due_date < ${day}::date
    AND NOT (${alias}.status = 'SUBMITTED' AND (${alias}.last_report_at AT TIME ZONE 'Asia/Shanghai')::date <= ${alias}.due_date))`;
}
