/**
 * In the LOWER tenant's scope: its key points of adopted (non-draft) plans linked to key points of the
 * given upper tenant, each with its ordinary tasks. Only what the upper's read model keeps: key point
 * label and title, unit name, status, light, due date, last report time (overdue is judged from these by
 * the domain's rule); and, only as far as the lower office's upper_share_setting allows, the text and the
 * files (names and ids) of the task's latest accepted report. Never people; the row ids read here stay in the refresh.
 * $1 the lower tenant, $2 the upper tenant.
 */
export const LOWER_LINKED_TASKS_SQL = `
      SELECT u.source_key_point_id AS upper_key_point_id, k.id AS key_point_id, k.label, k.title,
             t.id AS task_id, un.name AS unit_name, t.status, t.light, t.due_date::text AS due_date, t.last_report_at,
             CASE WHEN ss.share_report_text THEN rep.text END AS report_text,
             CASE WHEN ss.share_report_files AND rep.id IS NOT NULL THEN fs.names END AS report_files,
             CASE WHEN ss.share_report_files AND rep.id IS NOT NULL THEN fs.ids END AS report_file_ids,
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
        LEFT JOIN LATERAL (
          SELECT coalesce(array_agg(f.filename ORDER BY e.sort, e.id), '{}') AS names,
                 coalesce(array_agg(f.id ORDER BY e.sort, e.id), '{}') AS ids
            FROM report_evidence e JOIN stored_file f ON f.tenant_id = e.tenant_id AND f.id = e.file_id
           WHERE e.tenant_id = rep.tenant_id AND e.report_id = rep.id AND e.kind = 'FILE'
        ) fs ON ss.share_report_files AND rep.id IS NOT NULL
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

/**
 * In the UPPER tenant's scope: its published key points of year $2, each with its stored cells of the
 * lower tenants $3 summed, and each measure as an int array in the order of $3 (0 where a lower tenant
 * has no linked key point). The unit names of a key point's cells merged, the first $4 by code point.
 * $1 the upper tenant.
 */
export const COVERAGE_POINTS_SQL = `
  WITH l AS (SELECT id, ord FROM unnest($3::uuid[]) WITH ORDINALITY AS l(id, ord)),
  pts AS (
    SELECT k.id, k.label, k.title, s.title AS section_title, row_number() OVER (ORDER BY p.published_at, k.seq, k.id) AS ord
      FROM plan p
      JOIN key_point k ON k.tenant_id = p.tenant_id AND k.plan_id = p.id
      LEFT JOIN plan_section s ON s.tenant_id = k.tenant_id AND s.id = k.section_id
     WHERE p.tenant_id = $1 AND p.year = $2 AND p.status <> 'DRAFT')
  SELECT pts.id, pts.label, pts.title, pts.section_title,
         count(c.lower_tenant_id)::int AS covered_by,
         coalesce(sum(c.key_points), 0)::int AS key_points, coalesce(sum(c.tasks), 0)::int AS tasks,
         coalesce(sum(c.green), 0)::int AS green, coalesce(sum(c.yellow), 0)::int AS yellow,
         coalesce(sum(c.red), 0)::int AS red, coalesce(sum(c.done), 0)::int AS done,
         coalesce(sum(c.overdue), 0)::int AS overdue, coalesce(sum(c.overdue_unit_count), 0)::int AS overdue_unit_count,
         CASE WHEN sum(c.overdue_unit_count) > 0 THEN ARRAY(
           SELECT DISTINCT u COLLATE "C" FROM lower_rollup_cell x, unnest(x.overdue_units) u
            WHERE x.tenant_id = $1 AND x.upper_key_point_id = pts.id AND x.lower_tenant_id = ANY($3::uuid[])
            ORDER BY u COLLATE "C" LIMIT $4) ELSE '{}' END AS overdue_units,
         max(c.last_report_on)::text AS last_report_on,
         coalesce(array_agg(coalesce(c.key_points, 0) ORDER BY l.ord) FILTER (WHERE l.id IS NOT NULL), '{}') AS lower_key_points,
         coalesce(array_agg(coalesce(c.tasks, 0) ORDER BY l.ord) FILTER (WHERE l.id IS NOT NULL), '{}') AS lower_tasks,
         coalesce(array_agg(coalesce(c.red, 0) ORDER BY l.ord) FILTER (WHERE l.id IS NOT NULL), '{}') AS lower_red,
         coalesce(array_agg(coalesce(c.done, 0) ORDER BY l.ord) FILTER (WHERE l.id IS NOT NULL), '{}') AS lower_done,
         coalesce(array_agg(coalesce(c.overdue, 0) ORDER BY l.ord) FILTER (WHERE l.id IS NOT NULL), '{}') AS lower_overdue
    FROM pts
    LEFT JOIN l ON true
    LEFT JOIN lower_rollup_cell c ON c.tenant_id = $1 AND c.upper_key_point_id = pts.id AND c.lower_tenant_id = l.id
   GROUP BY pts.id, pts.label, pts.title, pts.section_title, pts.ord
   ORDER BY pts.ord`;

/**
 * In the UPPER tenant's scope: the drill-down of its key point $2, the stored lower key points of the
 * lower tenants $3 with their tasks, in the order the page lists them. $1 the upper tenant.
 */
export const DETAIL_ROWS_SQL = `
  SELECT rp.id, rp.lower_tenant_id, ln.lower_name, rp.label, rp.title,
          rt.id AS task_id, rt.unit_name, rt.status, rt.light, rt.due_date::text AS due_date,
          (rt.last_report_at AT TIME ZONE 'Asia/Shanghai')::date::text AS last_report_on, rt.overdue,
          rt.report_text, rt.report_files, rt.report_file_ids, rt.report_on::text AS report_on
     FROM lower_rollup_point rp
     JOIN lower_rollup_source ln ON ln.tenant_id = rp.tenant_id AND ln.lower_tenant_id = rp.lower_tenant_id
     LEFT JOIN lower_rollup_task rt ON rt.tenant_id = rp.tenant_id AND rt.point_id = rp.id
    WHERE rp.tenant_id = $1 AND rp.upper_key_point_id = $2 AND rp.lower_tenant_id = ANY($3::uuid[])
    ORDER BY ln.lower_name, rp.lower_tenant_id, rp.label, rp.title, rp.id, rt.unit_name, rt.id`;
