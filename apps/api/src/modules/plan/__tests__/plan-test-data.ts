import type pg from 'pg';
import type { Factory, TestTenant, TestUnit } from '../../../../test/factory.js';

/** The unit directory the Liaoning 2021 key points name (plus 省司法厅, which the spam string replaced). */
export async function liaoningDirectory(f: Factory, tenant: TestTenant) {
  const units = {
    ndrc: await f.unit(tenant, '省发展改革委', 'DEPARTMENT', ['省发改委']),
    land: await f.unit(tenant, '省自然资源厅', 'DEPARTMENT'),
    office: await f.unit(tenant, '省政府办公厅', 'OFFICE'),
    market: await f.unit(tenant, '省市场监管局', 'DEPARTMENT'),
    finance: await f.unit(tenant, '省财政厅', 'DEPARTMENT'),
    health: await f.unit(tenant, '省卫生健康委', 'DEPARTMENT'),
    business: await f.unit(tenant, '省营商环境建设局', 'DEPARTMENT', ['省营商局(大数据局)', '省大数据局']),
    justice: await f.unit(tenant, '省司法厅', 'DEPARTMENT'),
    shenyang: await f.unit(tenant, '沈阳市人民政府', 'CITY_GOV', ['沈阳市政府']),
    dalian: await f.unit(tenant, '大连市人民政府', 'CITY_GOV', ['大连市政府']),
    anshan: await f.unit(tenant, '鞍山市人民政府', 'CITY_GOV', ['鞍山市政府']),
  } satisfies Record<string, TestUnit>;
  return units;
}

/**
 * A draft plan written straight into the database, for size tests: `keyPoints` items in one section,
 * each naming every unit (the first as lead) with one dated time limit.
 */
export async function seedDraftPlan(
  db: pg.Pool,
  tenantId: string,
  keyPoints: number,
  unitIds: string[],
  year = 2026,
): Promise<string> {
  const {
    rows: [plan],
  } = await db.query(`INSERT INTO plan (tenant_id, year, title) VALUES ($1, $2, $3) RETURNING id`, [
    tenantId,
    year,
    `规模测试${keyPoints}`,
  ]);
  const {
    rows: [section],
  } = await db.query(
    `INSERT INTO plan_section (tenant_id, plan_id, label, title, sort) VALUES ($1, $2, '一', '测试部分', 1) RETURNING id`,
    [tenantId, plan.id],
  );
  await db.query(
    `INSERT INTO key_point (tenant_id, plan_id, section_id, seq, label, title, text)
     SELECT $1, $2, $3, n, n || '.', '测试要点' || n, '内容' || n FROM generate_series(1, $4::int) n`,
    [tenantId, plan.id, section.id, keyPoints],
  );
  await db.query(
    `INSERT INTO key_point_deadline (tenant_id, key_point_id, text, date, sort)
     SELECT tenant_id, id, '6月底前', make_date($3::int, 6, 30), 1 FROM key_point WHERE tenant_id = $1 AND plan_id = $2`,
    [tenantId, plan.id, year],
  );
  await db.query(
    `INSERT INTO key_point_unit (tenant_id, key_point_id, role, raw_name, unit_id, sort)
     SELECT k.tenant_id, k.id, CASE WHEN u.n = 1 THEN 'LEAD' ELSE 'RESPONSIBLE' END, '单位' || u.n, u.id, u.n
     FROM key_point k CROSS JOIN unnest($3::uuid[]) WITH ORDINALITY AS u(id, n)
     WHERE k.tenant_id = $1 AND k.plan_id = $2`,
    [tenantId, plan.id, unitIds],
  );
  return plan.id;
}

export async function seedUnits(db: pg.Pool, tenantId: string, count: number, prefix = '规模单位'): Promise<string[]> {
  const { rows } = await db.query(
    `INSERT INTO unit (tenant_id, name, kind, sort) SELECT $1, $2 || n, 'DEPARTMENT', n FROM generate_series(1, $3::int) n RETURNING id`,
    [tenantId, prefix, count],
  );
  return rows.map((r) => r.id);
}

export const PLAN_TREE = `
  query($id: ID!) {
    plan(id: $id) {
      id version status year title docNumber parseWarnings unresolvedCount
      publishPreview { keyPoints tasksToCreate unitsInvolved keyPointsWithoutUnits unresolvedNames }
      sections { id label title }
      keyPoints {
        id version seq label title dueDate parentId section { label }
        deadlines { id text date }
        units { id role rawName resolution unit { id name } candidates { unit { id name } score } }
      }
    }
  }`;
