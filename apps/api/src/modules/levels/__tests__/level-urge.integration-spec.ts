import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant } from '../../../../test/factory.js';

const CREATE = `mutation { createTenantLinkInvite { code } }`;
const ACCEPT = `mutation($code: String!) { acceptTenantLinkInvite(code: $code) { upper { id } } }`;
const END_UPPER = `mutation($upperTenantId: ID!) { endUpperTenantLink(upperTenantId: $upperTenantId) { upper { id } } }`;
const POINTS = `{ upperPlanPoints { id label } }`;
// Each key point here is linked once, from fresh (version 0).
const SET = `mutation($keyPointId: ID!, $upperPointIds: [ID!]!, $version: Int!) { setKeyPointUpperLinks(keyPointId: $keyPointId, upperPointIds: $upperPointIds, version: $version) { keyPointId } }`;
const URGE = `mutation($lowerTenantId: ID!, $keyPointId: ID!, $message: String!) {
  urgeLowerTenant(lowerTenantId: $lowerTenantId, keyPointId: $keyPointId, message: $message) {
    id lowerTenantId lowerTenantName keyPointId keyPointLabel keyPointTitle situation message createdByName acknowledgedAt acknowledgedByName } }`;
const ACK = `mutation($id: ID!) { acknowledgeUpperUrge(id: $id) { id acknowledgedAt acknowledgedByName } }`;
const SENT = `query($unacknowledged: Boolean) { lowerUrges(unacknowledged: $unacknowledged) { totalCount nodes {
  id lowerTenantName keyPointTitle situation acknowledgedAt acknowledgedByName } } }`;
const INBOX = `query($unacknowledged: Boolean) { upperUrges(unacknowledged: $unacknowledged) { totalCount nodes {
  id upperTenantName keyPointLabel keyPointTitle situation message senderName acknowledgedAt acknowledgedByName
  linkedKeyPoints { id planId label title } } } }`;

const MESSAGE = '请于本周内报送落实进展';

describe('urging across levels (上下联动, step 4)', () => {
  let t: TestApp;
  let f: Factory;
  const year = new Date().getFullYear();
  let province: TestTenant;
  let cityA: TestTenant;
  let cityB: TestTenant;
  let provinceStaff: Client;
  let cityAStaff: Client;
  let cityBStaff: Client;
  let upperKp: string[];
  let cityAKp: string;

  const link = async (lower: TestTenant) => {
    const { code } = (await (await f.client(province, 'OFFICE_ADMIN')).ok(CREATE)).createTenantLinkInvite;
    await (await f.client(lower, 'OFFICE_ADMIN')).ok(ACCEPT, { code });
  };
  const urge = (client: Client, lower: TestTenant, keyPointId: string, message = MESSAGE) =>
    client.gql(URGE, { lowerTenantId: lower.id, keyPointId, message });
  /** The province's 签收 notices, oldest first, with the channels each went out on besides the app. */
  const signedNotices = async () =>
    (
      await t.db.query(
        `SELECT n.user_id, n.title, n.body,
                coalesce(array_agg(o.channel ORDER BY o.channel) FILTER (WHERE o.channel IS NOT NULL), '{}') AS channels
           FROM notification n LEFT JOIN outbox_message o ON o.tenant_id = n.tenant_id AND o.notification_id = n.id
          WHERE n.tenant_id = $1 AND n.kind = 'UPPER_URGE_ACKNOWLEDGED'
          GROUP BY n.id, n.user_id, n.title, n.body, n.created_at ORDER BY n.created_at, n.id`,
        [province.id],
      )
    ).rows;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    province = await f.tenant('测试省人民政府办公厅');
    upperKp = (
      await f.tasks(province, [await f.unit(province, '省数据局')], 2, { year, title: (i) => `省级要点${i + 1}` })
    ).tasks.map((x) => x.keyPointId);
    provinceStaff = await f.client(province, 'OFFICE_STAFF');
    cityA = await f.tenant('甲市人民政府办公室');
    cityB = await f.tenant('乙市人民政府办公室');
    await link(cityA);
    await link(cityB);
    cityAStaff = await f.client(cityA, 'OFFICE_STAFF');
    cityBStaff = await f.client(cityB, 'OFFICE_STAFF');
    // City A carries out upper key point 1 with a task overdue since January; city B has nothing for it.
    const a = await f.tasks(cityA, [await f.unit(cityA, '甲市数据局')], 1, {
      year,
      title: () => '甲市要点1',
      dueDate: () => `${year}-01-10`,
    });
    cityAKp = a.tasks[0]!.keyPointId;
    const points = (await cityAStaff.ok(POINTS)).upperPlanPoints as { id: string; label: string }[];
    await cityAStaff.ok(SET, {
      keyPointId: cityAKp,
      upperPointIds: [points.find((p) => p.label === '(1)')!.id],
      version: 0,
    });
  }, 120_000);
  afterAll(() => t?.close());

  it('urges a lagging city and a city with a gap; each sees it in its own inbox with its linked key points, and is notified', async () => {
    const toA = (await provinceStaff.ok(URGE, { lowerTenantId: cityA.id, keyPointId: upperKp[0], message: MESSAGE }))
      .urgeLowerTenant;
    expect(toA).toMatchObject({
      lowerTenantId: cityA.id,
      lowerTenantName: '甲市人民政府办公室',
      keyPointLabel: '(1)',
      keyPointTitle: '省级要点1',
      situation: '对应工作要点 1 项，任务 1 项，已完成 0 项，逾期 1 项',
      message: MESSAGE,
      createdByName: 'OFFICE_STAFF用户',
      acknowledgedAt: null,
    });
    const toB = (await urge(provinceStaff, cityB, upperKp[0]!)).data!.urgeLowerTenant;
    expect(toB.situation).toBe('尚无对应的工作要点（缺口）');

    const inboxA = (await cityAStaff.ok(INBOX)).upperUrges;
    expect(inboxA.totalCount).toBe(1);
    expect(inboxA.nodes[0]).toMatchObject({
      upperTenantName: '测试省人民政府办公厅',
      keyPointTitle: '省级要点1',
      situation: toA.situation,
      message: MESSAGE,
      senderName: 'OFFICE_STAFF用户',
      acknowledgedAt: null,
      linkedKeyPoints: [{ id: cityAKp, label: '(1)', title: '甲市要点1', planId: expect.any(String) }],
    });
    const inboxB = (await cityBStaff.ok(INBOX)).upperUrges;
    expect(inboxB.nodes.map((n: any) => [n.situation, n.linkedKeyPoints])).toEqual([
      ['尚无对应的工作要点（缺口）', []],
    ]);

    // The city office's people are notified (not its units), as the messaging outbox's other urgent kinds.
    const { rows } = await t.db.query(
      `SELECT u.role, n.title, n.body FROM notification n JOIN app_user u ON u.tenant_id = n.tenant_id AND u.id = n.user_id
        WHERE n.tenant_id = $1 AND n.kind = 'UPPER_URGE'`,
      [cityA.id],
    );
    expect(rows.map((r) => r.role).sort()).toEqual(['OFFICE_ADMIN', 'OFFICE_STAFF']);
    expect(rows[0].title).toBe('上级催办：(1) 省级要点1');
    expect(rows[0].body).toContain(MESSAGE);
    // Each side's rows are its own.
    const owners = async (table: string) =>
      (await t.db.query(`SELECT DISTINCT tenant_id FROM ${table}`)).rows.map((r) => r.tenant_id).sort();
    expect(await owners('level_urge_sent')).toEqual([province.id]);
    expect(await owners('level_urge_inbox')).toEqual([cityA.id, cityB.id].sort());
  });

  it('shows the upper office who acknowledged, once; acknowledging again keeps the first', async () => {
    // The province office uses 企业微信; its staff member who urged can be reached there.
    await t.db.query(`INSERT INTO message_config (tenant_id, wecom_corp_id) VALUES ($1, 'ww-province')`, [province.id]);
    await t.db.query(`UPDATE app_user SET wecom_userid = 'sender' WHERE id = $1`, [provinceStaff.user.id]);
    const sent = async (unacknowledged?: boolean) => (await provinceStaff.ok(SENT, { unacknowledged })).lowerUrges;
    expect((await sent(true)).totalCount).toBe(2);
    const id = (await cityAStaff.ok(INBOX)).upperUrges.nodes[0].id;
    const ack = (await cityAStaff.ok(ACK, { id })).acknowledgeUpperUrge;
    expect(ack).toMatchObject({ id, acknowledgedByName: 'OFFICE_STAFF用户', acknowledgedAt: expect.any(String) });
    const admin = await f.client(cityA, 'OFFICE_ADMIN');
    expect((await admin.ok(ACK, { id })).acknowledgeUpperUrge.acknowledgedAt).toBe(ack.acknowledgedAt);
    const all = await sent();
    expect(all.nodes.map((n: any) => [n.lowerTenantName, n.acknowledgedByName, !!n.acknowledgedAt])).toEqual([
      ['乙市人民政府办公室', null, false],
      ['甲市人民政府办公室', 'OFFICE_STAFF用户', true],
    ]);
    expect(all.nodes[1].acknowledgedAt).toBe(ack.acknowledgedAt);
    expect((await sent(true)).nodes.map((n: any) => n.lowerTenantName)).toEqual(['乙市人民政府办公室']);
    expect((await cityAStaff.ok(INBOX, { unacknowledged: true })).upperUrges.totalCount).toBe(0);
    // The sender hears of it, once, in the app and on 企业微信 (the product default for an office with it).
    expect(await signedNotices()).toEqual([
      {
        user_id: provinceStaff.user.id,
        title: '下级已签收催办：(1) 省级要点1',
        body: expect.stringContaining('甲市人民政府办公室（OFFICE_STAFF用户）已签收'),
        channels: ['WECOM'],
      },
    ]);
    // Both offices' audit logs keep it.
    const { rows } = await t.db.query(
      `SELECT tenant_id, action FROM audit_log WHERE entity_type IN ('level_urge_sent', 'level_urge_inbox') ORDER BY id`,
    );
    expect(rows.filter((r) => r.tenant_id === cityA.id).map((r) => r.action)).toEqual(['URGE', 'ACKNOWLEDGE']);
    expect(rows.filter((r) => r.tenant_id === province.id).map((r) => r.action)).toEqual(['URGE', 'URGE']);
  });

  it('refuses the wrong role, a sibling, a lower tenant urging upward, an unrelated and an unlinked tenant', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM level_urge_inbox`)).rows[0].n;
    const unit = await f.unit(province, '省另一厅');
    expect(errorCode(await urge(await f.client(province, 'UNIT_LIAISON', unit), cityA, upperKp[0]!))).toBe('FORBIDDEN');
    expect(errorCode(await urge(await f.client(province, 'LEADERSHIP'), cityA, upperKp[0]!))).toBe('FORBIDDEN');
    const idA = (await cityAStaff.ok(INBOX)).upperUrges.nodes[0].id;
    expect(errorCode(await (await f.client(cityA, 'LEADERSHIP')).gql(ACK, { id: idA }))).toBe('FORBIDDEN');
    expect(
      errorCode(await (await f.client(cityA, 'UNIT_LIAISON', await f.unit(cityA, '甲市另一局'))).gql(ACK, { id: idA })),
    ).toBe('FORBIDDEN');
    // A sibling cannot acknowledge another city's urge, nor urge it; the province's inbox has none of them.
    const idB = (await cityBStaff.ok(INBOX)).upperUrges.nodes[0].id;
    expect(errorCode(await cityAStaff.gql(ACK, { id: idB }))).toBe('NOT_FOUND');
    expect(errorCode(await provinceStaff.gql(ACK, { id: idB }))).toBe('NOT_FOUND');
    expect(errorCode(await urge(cityBStaff, cityA, upperKp[0]!))).toBe('NOT_FOUND');
    expect(errorCode(await urge(cityBStaff, cityA, cityAKp))).toBe('NOT_FOUND');
    // A lower tenant urging upward, with its own key point or the upper's.
    expect(errorCode(await urge(cityAStaff, province, cityAKp))).toBe('NOT_FOUND');
    expect(errorCode(await urge(cityAStaff, province, upperKp[0]!))).toBe('NOT_FOUND');
    // An unrelated tenant, and one of the province's key points in a draft.
    const stranger = await f.client(await f.tenant('无关市人民政府办公室'), 'OFFICE_ADMIN');
    expect(errorCode(await urge(stranger, cityA, upperKp[0]!))).toBe('NOT_FOUND');
    const draft = await t.db.query(`INSERT INTO plan (tenant_id, year, title) VALUES ($1, $2, '省草稿') RETURNING id`, [
      province.id,
      year,
    ]);
    const draftKp = await t.db.query(
      `INSERT INTO key_point (tenant_id, plan_id, seq, label, title) VALUES ($1, $2, 1, '(一)', '草稿要点') RETURNING id`,
      [province.id, draft.rows[0].id],
    );
    expect(errorCode(await urge(provinceStaff, cityA, draftKp.rows[0].id))).toBe('NOT_FOUND');
    expect(errorCode(await urge(provinceStaff, cityA, 'not-an-id'))).toBe('NOT_FOUND');
    const blank = await urge(provinceStaff, cityA, upperKp[0]!, ' ');
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors![0]!.message).toMatch(/催办内容/);
    // Once city B ends the link, the province can no longer urge it; B keeps its history.
    await (await f.client(cityB, 'OFFICE_ADMIN')).ok(END_UPPER, { upperTenantId: province.id });
    expect(errorCode(await urge(provinceStaff, cityB, upperKp[1]!))).toBe('NOT_FOUND');
    expect((await cityBStaff.ok(INBOX)).upperUrges.totalCount).toBe(1);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM level_urge_inbox`)).rows[0].n).toBe(before);
  });

  it("notifies the sender of a 签收 as the sender's channel settings say, or the province's admins once the sender is gone", async () => {
    const cityC = await f.tenant('丙市人民政府办公室');
    await link(cityC);
    const cityCStaff = await f.client(cityC, 'OFFICE_STAFF');
    const quiet = await f.client(province, 'OFFICE_STAFF');
    const leaving = await f.client(province, 'OFFICE_STAFF');
    // This sender wants this kind in the app only.
    await t.db.query(
      `INSERT INTO notification_preference (tenant_id, user_id, channels) VALUES ($1, $2, '{"UPPER_URGE_ACKNOWLEDGED": []}')`,
      [province.id, quiet.user.id],
    );
    await t.db.query(`UPDATE app_user SET wecom_userid = 'quiet' WHERE id = $1`, [quiet.user.id]);
    await quiet.ok(URGE, { lowerTenantId: cityC.id, keyPointId: upperKp[0], message: MESSAGE });
    await leaving.ok(URGE, { lowerTenantId: cityC.id, keyPointId: upperKp[1], message: MESSAGE });
    const inbox = (await cityCStaff.ok(INBOX)).upperUrges.nodes as { id: string; keyPointTitle: string }[];
    const before = (await signedNotices()).length;
    await cityCStaff.ok(ACK, { id: inbox.find((u) => u.keyPointTitle === '省级要点1')!.id });
    expect((await signedNotices()).slice(before)).toEqual([
      expect.objectContaining({ user_id: quiet.user.id, channels: [] }),
    ]);
    // The second sender left the office: its admins (every active one) hear of the 签收 instead.
    await t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [leaving.user.id]);
    await cityCStaff.ok(ACK, { id: inbox.find((u) => u.keyPointTitle === '省级要点2')!.id });
    const admins = (
      await t.db.query(
        `SELECT id FROM app_user WHERE tenant_id = $1 AND role = 'OFFICE_ADMIN' AND active ORDER BY id`,
        [province.id],
      )
    ).rows.map((r) => r.id);
    expect(admins.length).toBeGreaterThan(0);
    const toAdmins = (await signedNotices()).slice(before + 1);
    expect(toAdmins.map((n) => n.user_id).sort()).toEqual(admins);
    expect(toAdmins[0].title).toBe('下级已签收催办：(2) 省级要点2');
    // Nothing reached the city's people, nor anyone outside the province.
    const elsewhere = await t.db.query(
      `SELECT count(*)::int AS n FROM notification WHERE kind = 'UPPER_URGE_ACKNOWLEDGED' AND tenant_id <> $1`,
      [province.id],
    );
    expect(elsewhere.rows[0].n).toBe(0);
  });
});
