/**
 * Whether a lower tenant lets its upper tenant have one of its files, read across the two tenants on
 * purpose (every table names its tenant): the lower office shares report files, and the file is cited by
 * the latest accepted report of an ordinary task of an adopted plan, whose key point is linked to a key
 * point the upper tenant still has. The file's name when it may; no row otherwise.
 * $1 the lower tenant, $2 the upper tenant, $3 the file.
 */
export const SHARED_LOWER_FILE_SQL = `
  SELECT f.filename
    FROM report_evidence e
    JOIN stored_file f ON f.tenant_id = e.tenant_id AND f.id = e.file_id
    JOIN progress_report r ON r.tenant_id = e.tenant_id AND r.id = e.report_id AND r.status = 'ACCEPTED'
    JOIN task t ON t.tenant_id = r.tenant_id AND t.id = r.task_id AND t.kind = 'NORMAL'
    JOIN key_point k ON k.tenant_id = t.tenant_id AND k.id = t.key_point_id
    JOIN plan p ON p.tenant_id = k.tenant_id AND p.id = k.plan_id AND p.status <> 'DRAFT'
    JOIN upper_share_setting ss ON ss.tenant_id = e.tenant_id AND ss.share_report_files
   WHERE e.tenant_id = $1 AND e.file_id = $3 AND e.kind = 'FILE'
     AND r.id = (SELECT l.id FROM progress_report l WHERE l.tenant_id = t.tenant_id AND l.task_id = t.id AND l.status = 'ACCEPTED'
                  ORDER BY l.submitted_at DESC, l.id DESC LIMIT 1)
     AND EXISTS (
       SELECT 1 FROM key_point_upper_link kl
         JOIN upper_plan_point u ON u.tenant_id = kl.tenant_id AND u.id = kl.upper_point_id AND u.upper_tenant_id = $2
         JOIN key_point uk ON uk.tenant_id = $2 AND uk.id = u.source_key_point_id
        WHERE kl.tenant_id = $1 AND kl.key_point_id = k.id)
   LIMIT 1`;
