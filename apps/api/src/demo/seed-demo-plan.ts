import { readFile } from 'node:fs/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { rows } from '../common/sql.js';
import type { Viewer } from '../common/viewer.js';
import { logger } from '../logging/logger.js';
import { KeyPointDraftService } from '../modules/plan/key-point-draft.service.js';
import { PlanImportService } from '../modules/plan/plan-import.service.js';
import { PlanPublishService } from '../modules/plan/plan-publish.service.js';
import { ReportService } from '../modules/report/report.service.js';
import { DEMO_TENANT } from './demo-data.js';

const DOCUMENT = new URL('./liaoning-2021-key-points.txt', import.meta.url);

async function viewerOf(ds: DataSource, tenantId: string, username: string): Promise<Viewer> {
  const [u] = await rows(ds, `SELECT id, role, unit_id, display_name FROM app_user WHERE tenant_id = $1 AND username = $2`, [tenantId, username]);
  return { tenantId, userId: u.id, sessionId: 'demo-seed', role: u.role, unitId: u.unit_id, username, displayName: u.display_name, csrfToken: '' };
}

/**
 * Gives the demo tenant a living plan: the Liaoning key points (re-dated to this year so the lights
 * mean something today) imported through the real services, names the demo directory lacks dropped,
 * published, and a few reports at different stages. Runs once: skipped when the tenant has a plan.
 */
export async function seedDemoPlan(app: INestApplicationContext): Promise<void> {
  const ds = app.get(DataSource);
  const [tenant] = await rows(ds, `SELECT id FROM tenant WHERE code = $1`, [DEMO_TENANT.code]);
  if (!tenant) return;
  const [{ locked }] = await rows(ds, `SELECT pg_try_advisory_lock(723003) AS locked`);
  if (!locked) return;
  try {
    const [existing] = await rows(ds, `SELECT 1 FROM plan WHERE tenant_id = $1 LIMIT 1`, [tenant.id]);
    if (existing) return;
    const year = DateTime.now().setZone('Asia/Shanghai').year;
    const text = (await readFile(DOCUMENT, 'utf8')).replaceAll('2021年', `${year}年`).replaceAll('〔2021〕', `〔${year}〕`);
    const office = await viewerOf(ds, tenant.id, 'ban-admin');
    const plan = await app.get(PlanImportService, { strict: false }).importPlan(office, { text, filename: '辽宁省政务公开工作要点.txt' });

    // The demo directory is a subset of a province: drop the names it does not hold, and give a key
    // point left without units to the general office.
    const drafts = app.get(KeyPointDraftService, { strict: false });
    const [generalOffice] = await rows(ds, `SELECT id FROM unit WHERE tenant_id = $1 AND name = '省政府办公厅'`, [tenant.id]);
    const keyPoints = await rows(ds, `SELECT id FROM key_point WHERE tenant_id = $1 AND plan_id = $2 ORDER BY seq`, [tenant.id, plan.id]);
    for (const kp of keyPoints) {
      const unresolved = await rows(ds, `SELECT id FROM key_point_unit WHERE tenant_id = $1 AND key_point_id = $2 AND unit_id IS NULL`, [tenant.id, kp.id]);
      for (const u of unresolved) {
        const [{ version }] = await rows(ds, `SELECT version FROM key_point WHERE tenant_id = $1 AND id = $2`, [tenant.id, kp.id]);
        await drafts.removeKeyPointUnit(office, u.id, version);
      }
      const [{ n, version }] = await rows(
        ds,
        `SELECT (SELECT count(*)::int FROM key_point_unit WHERE tenant_id = $1 AND key_point_id = $2) AS n, version FROM key_point WHERE tenant_id = $1 AND id = $2`,
        [tenant.id, kp.id],
      );
      const [{ children }] = await rows(ds, `SELECT count(*)::int AS children FROM key_point WHERE tenant_id = $1 AND parent_id = $2`, [tenant.id, kp.id]);
      if (n === 0 && children === 0) await drafts.addKeyPointUnit(office, kp.id, version, generalOffice.id, 'LEAD');
    }
    const [{ version }] = await rows(ds, `SELECT version FROM plan WHERE tenant_id = $1 AND id = $2`, [tenant.id, plan.id]);
    await app.get(PlanPublishService, { strict: false }).publishPlan(office, plan.id, version);
    await seedReports(app, ds, tenant.id, plan.id);
    logger().info({ plan: plan.id, keyPoints: keyPoints.length }, 'demo plan loaded');
  } finally {
    await rows(ds, `SELECT pg_advisory_unlock(723003)`);
  }
}

/** A report accepted, one waiting for the unit leader, one approved by its leader and waiting for the office. */
async function seedReports(app: INestApplicationContext, ds: DataSource, tenantId: string, planId: string) {
  const reports = app.get(ReportService, { strict: false });
  const tasksOf = (unit: string) =>
    rows(
      ds,
      `SELECT t.id FROM task t JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
        WHERE t.tenant_id = $1 AND t.plan_id = $2 AND u.name = $3 ORDER BY t.due_date, t.id LIMIT 3`,
      [tenantId, planId, unit],
    );
  const liaison = await viewerOf(ds, tenantId, 'fgw-lly');
  const leader = await viewerOf(ds, tenantId, 'fgw-ld');
  const office = await viewerOf(ds, tenantId, 'ban-staff');
  const [done, waitingLeader] = await tasksOf('省发展改革委');
  if (done) {
    const r = await reports.submit(liaison, done.id, {
      text: '已在省发展改革委门户网站"规划计划"专栏集中公开"十四五"规划及专项规划，并同步推送至省政府门户网站。',
      progress: 100,
      claimsCompletion: true,
      evidenceUrls: ['https://fgw.ln.gov.cn/fgw/zfxxgk/fdzdgknr/ghxx/'],
      fileIds: [],
    });
    const approved = await reports.leaderDecide(leader, r.id, r.version, { approve: true, comment: '同意报送' });
    await reports.review(office, approved.id, approved.version, { accept: true, reason: null });
  }
  if (waitingLeader) {
    await reports.submit(liaison, waitingLeader.id, {
      text: '正在梳理市场规则标准清单，已完成初稿，拟于下月公开。',
      progress: 40,
      claimsCompletion: false,
      evidenceUrls: [],
      fileIds: [],
    });
  }
  const [shenyang] = await tasksOf('沈阳市政府');
  if (shenyang) {
    const sy = await viewerOf(ds, tenantId, 'sy-lly');
    const r = await reports.submit(sy, shenyang.id, {
      text: '沈阳市已在政府门户网站开设规划信息专栏，市本级规划全部公开。',
      progress: 100,
      claimsCompletion: true,
      evidenceUrls: ['https://www.shenyang.gov.cn/zwgk/fdzdgknr/ghxx/'],
      fileIds: [],
    });
    await reports.leaderDecide(await viewerOf(ds, tenantId, 'sy-ld'), r.id, r.version, { approve: true, comment: '同意' });
  }
}
