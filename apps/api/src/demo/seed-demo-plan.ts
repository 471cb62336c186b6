import { readFile } from 'node:fs/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rows } from '../common/sql.js';
import { logger } from '../logging/logger.js';
import { DemoContext } from './demo-context.js';
import { DEMO_TENANT } from './demo-data.js';
import { seedLastYear } from './demo-last-year.js';
import { seedDemoLevels } from './demo-levels.js';
import { demoPlanYear } from './demo-story.js';
import { seedThisYear } from './demo-this-year.js';

const DOCUMENT = new URL('./liaoning-2021-key-points.txt', import.meta.url);

/**
 * Gives the demo tenant a year in progress relative to the app clock's today: last year's plan with
 * its 回头看 finished and 整改 tasks under way, and this year's plan with key points due across the
 * year, reports at every stage, red and yellow lights, delays, urges and a 批示. Everything goes
 * through the services the web app calls; the draws are seeded, so the same today gives the same
 * demo. Runs once: skipped when the tenant has a plan; an advisory lock keeps two processes from both
 * loading it.
 */
export async function seedDemoPlan(app: INestApplicationContext): Promise<void> {
  const ds = app.get(DataSource);
  const [tenant] = await rows<{ id: string }>(ds, `SELECT id FROM tenant WHERE code = $1 AND demo`, [DEMO_TENANT.code]);
  if (!tenant) return;
  // A session lock must be taken and released on the same connection: the pool's next query may run
  // on another one (the loading itself runs in the services' own transactions).
  const session = ds.createQueryRunner();
  await session.connect();
  const [{ locked }] = await rows<{ locked: boolean }>(session, `SELECT pg_try_advisory_lock(723003) AS locked`);
  if (!locked) {
    await session.release();
    return;
  }
  try {
    const [existing] = await rows<{ '?column?': number }>(ds, `SELECT 1 FROM plan WHERE tenant_id = $1 LIMIT 1`, [
      tenant.id,
    ]);
    if (existing) return;
    const started = Date.now();
    const ctx = await DemoContext.open(app, tenant.id);
    const source = await readFile(DOCUMENT, 'utf8');
    const year = demoPlanYear(ctx.today);
    await seedLastYear(ctx, source, year - 1);
    await seedThisYear(ctx, source, year);
    await seedDemoLevels(ctx, year);
    logger().info({ today: ctx.today, year, ms: Date.now() - started }, 'demo year loaded');
  } finally {
    await rows<{ pg_advisory_unlock: boolean }>(session, `SELECT pg_advisory_unlock(723003)`).finally(() =>
      session.release(),
    );
  }
}
