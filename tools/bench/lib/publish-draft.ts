// A DRAFT plan of `items` key points, each naming every unit (the first leads), written with SQL so
// the benchmark measures publishPlan alone.
import type pg from 'pg';

export async function createPublishDraft(db: pg.Pool, tenantId: string, year: number, items: number): Promise<string> {
  const { rows: plan } = await db.query(
    `INSERT INTO plan (tenant_id, year, title, status) VALUES ($1, $2, $3, 'DRAFT') RETURNING id`,
    [tenantId, year, `${year}年政务公开专项工作方案（基准测试）`],
  );
  const planId = plan[0].id as string;
  const { rows: section } = await db.query(
    `INSERT INTO plan_section (tenant_id, plan_id, label, title, sort) VALUES ($1, $2, '一', '专项任务', 1) RETURNING id`,
    [tenantId, planId],
  );
  await db.query(
    `INSERT INTO key_point (tenant_id, plan_id, section_id, seq, label, title, due_date)
     SELECT $1, $2, $3, s, '(' || s || ')', '专项任务第' || s || '项', make_date($4, 12, 31) FROM generate_series(1, $5) s`,
    [tenantId, planId, section[0].id, year, items],
  );
  await db.query(
    `INSERT INTO key_point_unit (tenant_id, key_point_id, role, raw_name, unit_id, sort)
     SELECT kp.tenant_id, kp.id, CASE WHEN u.sort = 1 THEN 'LEAD' ELSE 'RESPONSIBLE' END, u.name, u.id, u.sort
       FROM key_point kp JOIN unit u ON u.tenant_id = kp.tenant_id WHERE kp.tenant_id = $1 AND kp.plan_id = $2`,
    [tenantId, planId],
  );
  return planId;
}
