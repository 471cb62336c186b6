import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Client, Factory, TestTenant, TestUnit, TestUser } from '../../../test/factory.js';
import type { Role } from '../../common/enums.js';
import { fieldCipher } from '../../common/crypto/field-keys.js';
import { loadConfig } from '../../config/app-config.js';
import { secretContext } from '../../modules/messaging/secrets/secret-context.js';

/**
 * The kinds of object an operation argument can name. Each tenant of the isolation world has one real
 * row of every kind, chosen so that its rightful user could act on it (a PENDING report for a review,
 * a DRAFT plan for draft edits, …): a refusal then comes from isolation, not from the row's state.
 */
export const ID_KINDS = [
  'plan',
  'draftPlan',
  'section',
  'draftSection',
  'keyPoint',
  'draftKeyPoint',
  'kpUnit',
  'deadline',
  'milestone',
  'task',
  'doneTask',
  'report',
  'leaderReport',
  'delay',
  'urge',
  'unit',
  'otherUnit',
  'user',
  'review',
  'reviewItem',
  'file',
  'notification',
  'instruction',
  'calendarCorrection',
  'robot',
  'messageConfig',
  'nameDecision',
  'supervisionNotice',
  'linkInvite',
  'lowerTenant',
  'upperTenant',
  'upperPoint',
  'upperUrge',
  'keyPointLinks',
  'shareSetting',
] as const;
export type IdKind = (typeof ID_KINDS)[number];

/** The kinds that belong to unit B alone (its key point with no other unit): unit A must never see or touch them. */
export const UNIT_B_ONLY: readonly IdKind[] = [
  'task',
  'doneTask',
  'report',
  'leaderReport',
  'delay',
  'urge',
  'file',
  'notification',
  'reviewItem',
];

/** officeAdmin is a pure 系统管理员; securityAdmin and auditor hold the other two duties of 三员分立. */
export type Actor =
  | 'officeAdmin'
  | 'officeStaff'
  | 'liaisonA'
  | 'leaderA'
  | 'liaisonB'
  | 'leaderB'
  | 'leadership'
  | 'securityAdmin'
  | 'auditor';
export const ACTOR_ROLE: Record<Actor, Role> = {
  officeAdmin: 'OFFICE_ADMIN',
  officeStaff: 'OFFICE_STAFF',
  liaisonA: 'UNIT_LIAISON',
  leaderA: 'UNIT_LEADER',
  liaisonB: 'UNIT_LIAISON',
  leaderB: 'UNIT_LEADER',
  leadership: 'LEADERSHIP',
  securityAdmin: 'SECURITY_ADMIN',
  auditor: 'SECURITY_AUDITOR',
};

export interface TenantWorld {
  tenant: TestTenant;
  /** Written into every text of this tenant, so a leak shows up in any response. */
  marker: string;
  year: number;
  unitA: TestUnit;
  unitB: TestUnit;
  users: Record<Actor, TestUser>;
  clients: Record<Actor, Client>;
  ids: Record<IdKind, string>;
  /** Every id of this tenant's rows made here, for leak scans. */
  allIds: string[];
  /** 上下联动: the tenant's upper tenant, a sibling under that upper, and a lower tenant of its own; each with its office admin. */
  relatives: Record<'upper' | 'sibling' | 'lower', { tenant: TestTenant; admin: Client }>;
  /** A file the lower tenant shares with this one (the latest accepted report of a task linked to key point 1). */
  lowerSharedFile: string;
}

const first = async (db: pg.Pool, sql: string, params: unknown[]): Promise<string> =>
  (await db.query(sql, params)).rows[0].id;

/**
 * In the lower tenant (its own rows; no marker, as the lower shows its upper nothing of this tenant's):
 * a published plan whose key point implements `upperKeyPoint`, a task with an accepted report citing a
 * file, and files shared upward. The file's id.
 */
async function shareLowerFile(
  f: Factory,
  db: pg.Pool,
  lower: TestTenant,
  upperId: string,
  upperKeyPoint: string,
  year: number,
) {
  const l = lower.id;
  const unit = await f.unit(lower, '下级县数据局');
  const author = await f.user(lower, 'UNIT_LIAISON', unit);
  const plan = await first(
    db,
    `INSERT INTO plan (tenant_id, year, title, status, published_at) VALUES ($1, $2, '下级县工作要点', 'PUBLISHED', now()) RETURNING id`,
    [l, year],
  );
  const kp = await first(
    db,
    `INSERT INTO key_point (tenant_id, plan_id, seq, label, title) VALUES ($1, $2, 1, '(一)', '下级县要点') RETURNING id`,
    [l, plan],
  );
  const task = await first(
    db,
    `INSERT INTO task (tenant_id, plan_id, key_point_id, unit_id, role, status, assigned_on, due_date, original_due_date)
     VALUES ($1, $2, $3, $4, 'LEAD', 'IN_PROGRESS', $5, $6, $6) RETURNING id`,
    [l, plan, kp, unit.id, `${year}-01-01`, `${year}-12-31`],
  );
  const report = await first(
    db,
    `INSERT INTO progress_report (tenant_id, task_id, unit_id, author_id, text, progress, status) VALUES ($1, $2, $3, $4, '下级县进展', 50, 'ACCEPTED') RETURNING id`,
    [l, task, unit.id, author.id],
  );
  const content = Buffer.from('下级县佐证材料', 'utf8');
  const file = await first(
    db,
    `INSERT INTO stored_file (tenant_id, filename, mime_type, size_bytes, sha256, content, created_by) VALUES ($1, '下级县材料.txt', 'text/plain; charset=utf-8', $2, $3, $4, $5) RETURNING id`,
    [l, content.length, createHash('sha256').update(content).digest('hex'), content, author.id],
  );
  await db.query(
    `INSERT INTO report_evidence (tenant_id, report_id, kind, file_id, sort) VALUES ($1, $2, 'FILE', $3, 1)`,
    [l, report, file],
  );
  const point = await first(
    db,
    `INSERT INTO upper_plan_point (tenant_id, upper_tenant_id, source_key_point_id, plan_year, plan_title, seq, label, title, text)
     VALUES ($1, $2, $3, $4, '上级工作要点', 1, '(一)', '上级要点', '上级要点') RETURNING id`,
    [l, upperId, upperKeyPoint, year],
  );
  await db.query(`INSERT INTO key_point_upper_link (tenant_id, key_point_id, upper_point_id) VALUES ($1, $2, $3)`, [
    l,
    kp,
    point,
  ]);
  await db.query(`INSERT INTO upper_share_setting (tenant_id, share_report_files, version) VALUES ($1, true, 1)`, [l]);
  return file;
}

/**
 * One tenant: units A and B, a user of every role, a published plan (key point 1: A leads, B is
 * responsible; key point 2: B alone) with reports, a delay request, an urge, a file, a notification,
 * an instruction and an open review; and a draft plan with a key point, its unit, deadline and a
 * plan milestone. Direct SQL: the point is real rows, not the workflows (tested by their owners).
 */
export async function buildTenantWorld(f: Factory, db: pg.Pool, marker: string): Promise<TenantWorld> {
  const year = new Date().getFullYear();
  const tenant = await f.tenant(`${marker}人民政府办公厅`);
  const unitA = await f.unit(tenant, `${marker}甲局`);
  const unitB = await f.unit(tenant, `${marker}乙局`);
  const otherUnit = await f.unit(tenant, `${marker}丙局`);
  const users: Record<Actor, TestUser> = {
    officeAdmin: await f.user(tenant, 'OFFICE_ADMIN', null, { securityAdmin: false }),
    officeStaff: await f.user(tenant, 'OFFICE_STAFF'),
    liaisonA: await f.user(tenant, 'UNIT_LIAISON', unitA),
    leaderA: await f.user(tenant, 'UNIT_LEADER', unitA),
    liaisonB: await f.user(tenant, 'UNIT_LIAISON', unitB),
    leaderB: await f.user(tenant, 'UNIT_LEADER', unitB),
    leadership: await f.user(tenant, 'LEADERSHIP'),
    securityAdmin: await f.user(tenant, 'SECURITY_ADMIN'),
    auditor: await f.user(tenant, 'SECURITY_AUDITOR'),
  };
  const t = tenant.id;
  const plan = await first(
    db,
    `INSERT INTO plan (tenant_id, year, title, status, published_at) VALUES ($1, $2, $3, 'PUBLISHED', now()) RETURNING id`,
    [t, year, `${marker}${year}年工作要点`],
  );
  const section = await first(
    db,
    `INSERT INTO plan_section (tenant_id, plan_id, label, title, sort) VALUES ($1, $2, '一', $3, 1) RETURNING id`,
    [t, plan, `${marker}加强政策解读`],
  );
  const kp = (seq: number, planId: string, sectionId: string) =>
    first(
      db,
      `INSERT INTO key_point (tenant_id, plan_id, section_id, seq, label, title, text, due_date) VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id`,
      [t, planId, sectionId, seq, `(${seq})`, `${marker}要点${seq}`, `${year}-12-31`],
    );
  const kp1 = await kp(1, plan, section);
  const kp2 = await kp(2, plan, section);
  const kpUnit = (kpId: string, unit: TestUnit, role: string, sort: number) =>
    first(
      db,
      `INSERT INTO key_point_unit (tenant_id, key_point_id, role, raw_name, unit_id, sort) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [t, kpId, role, unit.name, unit.id, sort],
    );
  await kpUnit(kp1, unitA, 'LEAD', 1);
  await kpUnit(kp1, unitB, 'RESPONSIBLE', 2);
  await kpUnit(kp2, unitB, 'LEAD', 1);
  const task = (kpId: string, unit: TestUnit, role: string, status = 'IN_PROGRESS') =>
    first(
      db,
      `INSERT INTO task (tenant_id, plan_id, key_point_id, unit_id, role, status, assigned_on, due_date, original_due_date, progress)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, 30) RETURNING id`,
      [t, plan, kpId, unit.id, role, status, `${year}-01-01`, `${year}-12-31`],
    );
  await task(kp1, unitA, 'LEAD');
  await task(kp1, unitB, 'RESPONSIBLE');
  const taskB = await task(kp2, unitB, 'LEAD');
  const kp3 = await kp(3, plan, section);
  await kpUnit(kp3, unitB, 'LEAD', 1);
  const doneTask = await task(kp3, unitB, 'LEAD', 'DONE');
  await db.query(
    `UPDATE task SET completed_at = now(), accepted_at = now(), progress = 100 WHERE tenant_id = $1 AND id = $2`,
    [t, doneTask],
  );

  const content = Buffer.from(`${marker}佐证材料`, 'utf8');
  const file = await first(
    db,
    `INSERT INTO stored_file (tenant_id, filename, mime_type, size_bytes, sha256, content, created_by) VALUES ($1, $2, 'text/plain; charset=utf-8', $3, $4, $5, $6) RETURNING id`,
    [
      t,
      `${marker}材料.txt`,
      content.length,
      createHash('sha256').update(content).digest('hex'),
      content,
      users.liaisonB.id,
    ],
  );
  const reportRow = (status: string) =>
    first(
      db,
      `INSERT INTO progress_report (tenant_id, task_id, unit_id, author_id, text, progress, status) VALUES ($1, $2, $3, $4, $5, 50, $6) RETURNING id`,
      [t, taskB, unitB.id, users.liaisonB.id, `${marker}进展`, status],
    );
  const report = await reportRow('PENDING_OFFICE');
  const leaderReport = await reportRow('PENDING_LEADER');
  await db.query(
    `INSERT INTO report_evidence (tenant_id, report_id, kind, url, sort) VALUES ($1, $2, 'URL', 'http://127.0.0.1:9/zhengce/a.html', 1)`,
    [t, report],
  );
  await db.query(
    `INSERT INTO report_evidence (tenant_id, report_id, kind, file_id, sort) VALUES ($1, $2, 'FILE', $3, 2)`,
    [t, report, file],
  );
  const delay = await first(
    db,
    `INSERT INTO delay_request (tenant_id, task_id, requested_by, reason, current_due_date, requested_due_date) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [t, taskB, users.liaisonB.id, `${marker}延期理由`, `${year}-12-31`, `${year + 1}-03-31`],
  );
  const urge = await first(
    db,
    `INSERT INTO urge (tenant_id, task_id, message, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [t, taskB, `${marker}请抓紧落实`, users.officeAdmin.id],
  );
  await db.query(`UPDATE task SET urge_count = 1 WHERE tenant_id = $1 AND id = $2`, [t, taskB]);
  const instruction = await first(
    db,
    `INSERT INTO instruction (tenant_id, key_point_id, author_id, text) VALUES ($1, $2, $3, $4) RETURNING id`,
    [t, kp1, users.leadership.id, `${marker}批示`],
  );
  const notification = await first(
    db,
    `INSERT INTO notification (tenant_id, user_id, kind, title, body, task_id) VALUES ($1, $2, 'URGE', $3, $3, $4) RETURNING id`,
    [t, users.liaisonB.id, `${marker}催办通知`, taskB],
  );
  const review = await first(
    db,
    `INSERT INTO review (tenant_id, plan_id, title, item_count, opened_by) VALUES ($1, $2, $3, 1, $4) RETURNING id`,
    [t, plan, `${marker}回头看`, users.officeAdmin.id],
  );
  const reviewItem = await first(
    db,
    `INSERT INTO review_item (tenant_id, review_id, task_id) VALUES ($1, $2, $3) RETURNING id`,
    [t, review, doneTask],
  );

  // The draft implements the published plan, so its key points may name an upper key point.
  // Its source text holds a line to mark as a key point; its key point also names a unit still to decide.
  const draftPlan = await first(
    db,
    `INSERT INTO plan (tenant_id, year, title, status, parent_plan_id, source_text) VALUES ($1, $2, $3, 'DRAFT', $4, $5) RETURNING id`,
    [t, year, `${marker}${year}年工作要点（草稿）`, plan, `${marker}草稿原文\n测试`],
  );
  const draftSection = await first(
    db,
    `INSERT INTO plan_section (tenant_id, plan_id, label, title, sort) VALUES ($1, $2, '一', $3, 1) RETURNING id`,
    [t, draftPlan, `${marker}草稿部分`],
  );
  const draftKeyPoint = await kp(1, draftPlan, draftSection);
  const draftKpUnit = await kpUnit(draftKeyPoint, unitA, 'LEAD', 1);
  await db.query(
    `INSERT INTO key_point_unit (tenant_id, key_point_id, role, raw_name, sort) VALUES ($1, $2, 'RESPONSIBLE', '测试', 2)`,
    [t, draftKeyPoint],
  );
  const nameDecision = await first(
    db,
    `INSERT INTO unit_name_alias (tenant_id, name, name_key, action, unit_ids) VALUES ($1, $2, $2, 'UNITS', $3) RETURNING id`,
    [t, `${marker}有关部门`, [unitA.id]],
  );
  const deadline = await first(
    db,
    `INSERT INTO key_point_deadline (tenant_id, key_point_id, text, date, sort) VALUES ($1, $2, $3, $4, 1) RETURNING id`,
    [t, draftKeyPoint, `${marker}6月底前`, `${year}-06-30`],
  );
  const milestone = await first(
    db,
    `INSERT INTO plan_milestone (tenant_id, plan_id, text, date, sort) VALUES ($1, $2, $3, $4, 1) RETURNING id`,
    [t, draftPlan, `${marker}11月底前`, `${year}-11-30`],
  );

  const calendarCorrection = await first(
    db,
    `INSERT INTO calendar_correction (tenant_id, date, workday, note, created_by) VALUES ($1, $2, false, $3, $4) RETURNING id`,
    [t, `${year}-12-20`, `${marker}调休`, users.officeAdmin.id],
  );
  // Messaging: the office's channel settings, a group robot (its address a secret; one no request may
  // reach, so a positive test sends nothing out) and a 督办通知单 to unit B.
  await db.query(`INSERT INTO message_config (tenant_id, work_start) VALUES ($1, '08:30')`, [t]);
  const robot = await first(
    db,
    `INSERT INTO message_robot (tenant_id, name, platform) VALUES ($1, $2, 'DINGTALK') RETURNING id`,
    [t, `${marker}工作群`],
  );
  // Stored as the app stores secrets (SM4 under the test's key), so the app can open it.
  await db.query(`INSERT INTO tenant_secret (tenant_id, name, value) VALUES ($1, $2, $3)`, [
    t,
    `robot.${robot}.webhook`,
    fieldCipher(loadConfig(process.env)).encrypt(
      `http://127.0.0.1:9/robot/send?access_token=${marker}`,
      secretContext(t, `robot.${robot}.webhook`),
    ),
  ]);
  const supervisionNotice = await first(
    db,
    `INSERT INTO supervision_notice (tenant_id, year, number, unit_id, color, note, tasks, created_by) VALUES ($1, $2, 1, $3, 'RED', $4, $5, $6) RETURNING id`,
    [
      t,
      year,
      unitB.id,
      `${marker}督办要求`,
      JSON.stringify([
        {
          taskId: taskB,
          title: `${marker}要点2`,
          dueDate: `${year}-12-31`,
          progress: 30,
          color: 'RED',
          state: '已逾期',
        },
      ]),
      users.officeAdmin.id,
    ],
  );
  // 上下联动: an upper tenant over this one and a sibling, a lower tenant under it, an open invitation of its own.
  // Their names leave out the marker: the link shows a tenant its upper and lowers by name, never a sibling.
  const relative = async (name: string, upperId: string | null) => {
    const other = await f.tenant(name);
    if (upperId)
      await db.query(`UPDATE tenant SET upper_tenant_id = $2, linked_at = now() WHERE id = $1`, [other.id, upperId]);
    return { tenant: other, admin: await f.client(other, 'OFFICE_ADMIN') };
  };
  const upper = await relative('上级省人民政府办公厅', null);
  await db.query(`UPDATE tenant SET upper_tenant_id = $2, linked_at = now() WHERE id = $1`, [t, upper.tenant.id]);
  const relatives = {
    upper,
    sibling: await relative('兄弟市人民政府办公室', upper.tenant.id),
    lower: await relative('下级县人民政府办公室', t),
  };
  const linkInvite = await first(
    db,
    `INSERT INTO tenant_link_invite (tenant_id, code_hash, note, created_by, expires_at) VALUES ($1, $2, $3, $4, now() + interval '7 days') RETURNING id`,
    [t, createHash('sha256').update(marker).digest('hex'), `${marker}邀请`, users.officeAdmin.id],
  );
  // The tenant's copy of an upper key point (its own row, as the refresh writes it), linked from key point 1.
  const upperPoint = await first(
    db,
    `INSERT INTO upper_plan_point (tenant_id, upper_tenant_id, source_key_point_id, plan_year, plan_title, seq, label, title, text)
     VALUES ($1, $2, gen_random_uuid(), $3, $4, 1, '(一)', $5, $5) RETURNING id`,
    [t, upper.tenant.id, year, `${marker}上级工作要点`, `${marker}上级要点`],
  );
  await db.query(`INSERT INTO key_point_upper_link (tenant_id, key_point_id, upper_point_id) VALUES ($1, $2, $3)`, [
    t,
    kp1,
    upperPoint,
  ]);
  const lowerSharedFile = await shareLowerFile(f, db, relatives.lower.tenant, t, kp1, year);
  // An urge from the upper office, in this tenant's inbox (its own row; the upper's copy is the upper's business).
  const upperUrge = await first(
    db,
    `INSERT INTO level_urge_inbox (tenant_id, upper_tenant_id, upper_name, sent_id, source_key_point_id, key_point_label, key_point_title, situation, message, sender_name)
     VALUES ($1, $2, '上级省人民政府办公厅', gen_random_uuid(), gen_random_uuid(), '(一)', $3, '尚无对应的工作要点（缺口）', $4, '省办公厅') RETURNING id`,
    [t, upper.tenant.id, `${marker}上级要点`, `${marker}请抓紧落实`],
  );
  // Edited, reset and deactivated by the user-admin operations: not one of the signed-in actors.
  const spareUser = await f.user(tenant, 'UNIT_LIAISON', unitB);
  const clients = {} as Record<Actor, Client>;
  for (const actor of Object.keys(users) as Actor[]) clients[actor] = await f.signIn(tenant, users[actor]);

  const ids: Record<IdKind, string> = {
    plan,
    draftPlan,
    section,
    draftSection,
    keyPoint: kp2,
    draftKeyPoint,
    kpUnit: draftKpUnit,
    deadline,
    milestone,
    task: taskB,
    doneTask,
    report,
    leaderReport,
    delay,
    urge,
    unit: unitB.id,
    otherUnit: otherUnit.id,
    user: spareUser.id,
    review,
    reviewItem,
    file,
    notification,
    instruction,
    calendarCorrection,
    robot,
    messageConfig: t,
    nameDecision,
    supervisionNotice,
    linkInvite,
    lowerTenant: relatives.lower.tenant.id,
    upperTenant: upper.tenant.id,
    upperPoint,
    upperUrge,
    // Rows whose version a save must send: a key point's links to the level above, the tenant's sharing setting.
    keyPointLinks: kp2,
    shareSetting: t,
  };
  const { rows } = await db.query(
    `SELECT id::text FROM key_point WHERE tenant_id = $1 UNION SELECT id::text FROM task WHERE tenant_id = $1
     UNION SELECT id::text FROM progress_report WHERE tenant_id = $1 UNION SELECT id::text FROM key_point_unit WHERE tenant_id = $1
     UNION SELECT id::text FROM unit WHERE tenant_id = $1 UNION SELECT id::text FROM app_user WHERE tenant_id = $1`,
    [t],
  );
  const allIds = [...new Set([...Object.values(ids), t, ...rows.map((r: { id: string }) => r.id)])];
  return { tenant, marker, year, unitA, unitB, users, clients, ids, allIds, relatives, lowerSharedFile };
}

/** The kind whose row carries the `version` an operation must send along with an id of `kind`. */
const VERSION_SQL: Partial<Record<IdKind, string>> = {
  plan: `SELECT version FROM plan WHERE tenant_id = $1 AND id = $2`,
  draftPlan: `SELECT version FROM plan WHERE tenant_id = $1 AND id = $2`,
  keyPoint: `SELECT version FROM key_point WHERE tenant_id = $1 AND id = $2`,
  draftKeyPoint: `SELECT version FROM key_point WHERE tenant_id = $1 AND id = $2`,
  kpUnit: `SELECT k.version FROM key_point_unit u JOIN key_point k ON k.tenant_id = u.tenant_id AND k.id = u.key_point_id WHERE u.tenant_id = $1 AND u.id = $2`,
  deadline: `SELECT k.version FROM key_point_deadline d JOIN key_point k ON k.tenant_id = d.tenant_id AND k.id = d.key_point_id WHERE d.tenant_id = $1 AND d.id = $2`,
  milestone: `SELECT p.version FROM plan_milestone m JOIN plan p ON p.tenant_id = m.tenant_id AND p.id = m.plan_id WHERE m.tenant_id = $1 AND m.id = $2`,
  task: `SELECT version FROM task WHERE tenant_id = $1 AND id = $2`,
  doneTask: `SELECT version FROM task WHERE tenant_id = $1 AND id = $2`,
  report: `SELECT version FROM progress_report WHERE tenant_id = $1 AND id = $2`,
  leaderReport: `SELECT version FROM progress_report WHERE tenant_id = $1 AND id = $2`,
  delay: `SELECT version FROM delay_request WHERE tenant_id = $1 AND id = $2`,
  unit: `SELECT version FROM unit WHERE tenant_id = $1 AND id = $2`,
  otherUnit: `SELECT version FROM unit WHERE tenant_id = $1 AND id = $2`,
  user: `SELECT version FROM app_user WHERE tenant_id = $1 AND id = $2`,
  review: `SELECT version FROM review WHERE tenant_id = $1 AND id = $2`,
  reviewItem: `SELECT version FROM review_item WHERE tenant_id = $1 AND id = $2`,
  calendarCorrection: `SELECT version FROM calendar_correction WHERE tenant_id = $1 AND id = $2`,
  robot: `SELECT version FROM message_robot WHERE tenant_id = $1 AND id = $2`,
  messageConfig: `SELECT version FROM message_config WHERE tenant_id = $1 AND tenant_id = $2`,
  keyPointLinks: `SELECT upper_links_version AS version FROM key_point WHERE tenant_id = $1 AND id = $2`,
  shareSetting: `SELECT coalesce((SELECT version FROM upper_share_setting WHERE tenant_id = $1 AND tenant_id = $2), 0) AS version`,
};

/** The current version of the row an operation edits, so a refusal never comes from a stale version. */
export async function currentVersion(db: pg.Pool, world: TenantWorld, kind: IdKind | 'tenant'): Promise<number> {
  if (kind === 'tenant')
    return (await db.query(`SELECT version FROM tenant WHERE id = $1`, [world.tenant.id])).rows[0].version;
  const sql = VERSION_SQL[kind];
  if (!sql) throw new Error(`no version for ${kind}`);
  const { rows } = await db.query(sql, [world.tenant.id, world.ids[kind]]);
  return rows[0]?.version ?? 1;
}
