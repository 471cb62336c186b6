/**
 * In the LOWER tenant's scope: its key points of adopted (non-draft) plans linked to key points of the
 * given upper tenant, each with its ordinary tasks. Only what the upper's read model keeps: key point
 * label and title, unit name, status, light, due date, last report time (overdue is judged from these by
 * the domain's rule); and, only as far as the lower office's upper_share_setting allows, the text and the
 * file names of the task's latest accepted report. Never people; the row ids read here stay in the refresh.
 * $1 the lower tenant, $2 the upper tenant.
 */
export const LOWER_LINKED_TASKS_SQL = `
      SELECT u.source_key_point_id AS upper_key_point_id, k.id AS key_point_id, k.label, k.title,
             t.id AS task_id, un.name AS unit_name, t.status, t.light, t.due_date::text AS due_date, t.last_report_at,
             CASE WHEN ss.share_report_text THEN rep.text END AS report_text,
             CASE WHEN ss.share_report_files AND rep.id IS NOT NULL THEN (
               SELECT coalesce(array_agg(f.filename ORDER BY e.sort, e.id), '{}') FROM report_evidence e
                 JOIN stored_file f ON f.tenant_id = e.tenant_id AND f.id = e.file_id
                WHERE e.tenant_id = rep.tenant_id AND e.report_id = rep.id AND e.kind = 'FILE') END AS report_files,
             (rep.submitted_at AT TIME ZONE 'Asia/Shanghai')::date::text AS report_on
        FROM key_point_upper_link l
        JOIN upper_plan_point u ON u.tenant_id = l.tenant_id AND u.id = l.upper_point_id AND u.upper_tenant_id = $2
        JOIN key_point k ON k.tenant_id = l.tenant_id AND k.id = l.key_point_id
        JOIN plan p ON p.tenant_id = k.tenant_id AND p.id = k.plan_id AND p.status <> 'DRAFT'
        LEFT JOIN task t ON t.tenant_id = k.tenant_id AND t.key_point_id = k.id AND t.kind = 'NORMAL'
        LEFT JOIN unit un ON un.tenant_id = t.tenant_id AND un.id = t.unit_id
        LEFT JOIN upper_share_setting ss ON ss.tenant_id = l.tenant_id
        LEFT JOIN LATERAL (
          SELECT r.tenant_id, r.id, r.text, r.submitted_at FROM progress_report r
           WHERE r.tenant_id = t.tenant_id AND r.task_id = t.id AND r.status = 'ACCEPTED'
           ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1
        ) rep ON ss.share_report_text OR ss.share_report_files
       WHERE l.tenant_id = $1
       ORDER BY k.seq, k.id, un.name`;

/**
 * In the UPPER tenant's scope, inside the refresh that has just written one lower tenant's points and
 * tasks: that lower tenant's cells (one per upper key point), counted once here so reads scan cells only.
 * Unit names read as 下级机构·单位 and the first $4 by code point are kept, with the count of all of them.
 * $1 the upper tenant, $2 the lower tenant, $3 the lower tenant's name, $4 how many units to name.
 */
export const INSERT_ROLLUP_CELLS_SQL = `
  INSERT INTO lower_rollup_cell (tenant_id, upper_key_point_id, lower_tenant_id, key_points, tasks, green, yellow, red,
                                 done, overdue, overdue_unit_count, overdue_units, last_report_on)
  SELECT rp.tenant_id, rp.upper_key_point_id, rp.lower_tenant_id,
         count(DISTINCT rp.id)::int, count(rt.id)::int,
         count(rt.id) FILTER (WHERE rt.light = 'GREEN')::int,
         count(rt.id) FILTER (WHERE rt.light = 'YELLOW')::int,
         count(rt.id) FILTER (WHERE rt.light = 'RED')::int,
         count(rt.id) FILTER (WHERE rt.status IN ('DONE','CLOSED'))::int,
         count(rt.id) FILTER (WHERE rt.overdue)::int,
         count(DISTINCT rt.unit_name) FILTER (WHERE rt.overdue)::int,
         coalesce((array_agg(DISTINCT ($3 || '·' || rt.unit_name) COLLATE "C" ORDER BY ($3 || '·' || rt.unit_name) COLLATE "C")
                     FILTER (WHERE rt.overdue))[1:$4], '{}'),
         (max(rt.last_report_at) AT TIME ZONE 'Asia/Shanghai')::date
    FROM lower_rollup_point rp
    LEFT JOIN lower_rollup_task rt ON rt.tenant_id = rp.tenant_id AND rt.point_id = rp.id
   WHERE rp.tenant_id = $1 AND rp.lower_tenant_id = $2
   GROUP BY rp.tenant_id, rp.upper_key_point_id, rp.lower_tenant_id`;
