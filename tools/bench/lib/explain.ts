import type pg from 'pg';

/** EXPLAIN (ANALYZE, BUFFERS) in one line: execution time, top plan node, buffers hit/read. */
export async function explainSummary(db: pg.Pool, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
  const plan = rows[0]['QUERY PLAN'][0];
  const nodes: string[] = [];
  const walk = (n: any) => {
    if (/Scan/.test(n['Node Type']))
      nodes.push(
        `${n['Node Type']}${n['Index Name'] ? ` ${n['Index Name']}` : n['Relation Name'] ? ` ${n['Relation Name']}` : ''} (${n['Actual Rows']} rows)`,
      );
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(plan.Plan);
  return `${plan['Execution Time'].toFixed(1)} ms, planning ${plan['Planning Time'].toFixed(1)} ms, shared hit ${plan.Plan['Shared Hit Blocks']} read ${plan.Plan['Shared Read Blocks']}; scans: ${nodes.join('; ')}`;
}
