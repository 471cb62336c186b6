import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { countStatements } from '../../../../test/count-statements.js';
import { SupervisionRunService } from '../../supervision/supervision-run.service.js';
import { startSmtpServer } from '../../../../test/receivers.js';
import { DigestService } from '../../messaging/index.js';

const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
const LIST = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id kind title body readAt task { id dueDate } }
  } }`;
const MARK = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount } }`;
const PREFS = `{ notificationPreferences { emailDigest mutedKinds version } }`;
const UPDATE_PREFS = `mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { emailDigest mutedKinds version } }`;

describe('notification centre and the daily e-mail digest', () => {
  let t: TestApp;
  let f: Factory;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let tenant: TestTenant;
  let unit: TestUnit;
  let liaison: Client;
  let colleague: Client;
  let leader: Client;
  let taskIds: string[];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Duban <duban@test.local>' });
    f = new Factory(t);
    tenant = await f.tenant();
    await t.db.query(`UPDATE tenant SET settings = $2 WHERE id = $1`, [
      tenant.id,
      { reportCycle: { kind: 'NONE', dayOfMonth: null, weekday: null } },
    ]);
    unit = await f.unit(tenant, '市司法局');
    liaison = await f.client(tenant, 'UNIT_LIAISON', unit);
    colleague = await f.client(tenant, 'UNIT_LIAISON', unit);
    leader = await f.client(tenant, 'UNIT_LEADER', unit);
    await f.contact(liaison.user, { email: 'liaison@sfj.example.gov.cn' });
    await f.contact(leader.user, { email: 'leader@sfj.example.gov.cn' });
    const made = await f.tasks(tenant, [unit], 2, {
      year: 2026,
      dueDate: () => '2026-10-09',
      title: (i) => `规范行政复议信息公开${i + 1}`,
    });
    taskIds = made.tasks.map((task) => task.id);
    // Two tasks missed on the same day: two urges for the unit.
    await t.app.get(SupervisionRunService).runForTenant(tenant.id, at('2026-10-12'));
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('lists my notifications newest first, with their tasks, page by page', async () => {
    expect((await liaison.ok(`{ unreadNotificationCount }`)).unreadNotificationCount).toBe(2);
    const first = (await liaison.ok(LIST, { first: 1 })).notifications;
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(first.nodes[0]).toMatchObject({
      kind: 'URGE',
      title: expect.stringMatching(/^催办：规范行政复议信息公开/),
      readAt: null,
    });
    const second = (await liaison.ok(LIST, { first: 1, after: first.pageInfo.endCursor })).notifications;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([first.nodes[0].task.id, second.nodes[0].task.id].sort()).toEqual([...taskIds].sort());
    expect(errorCode(await liaison.gql(LIST, { after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
  });

  it("marks read: my own only; someone else's id is not found", async () => {
    const nodes = (await liaison.ok(LIST, {})).notifications.nodes;
    expect(errorCode(await colleague.gql(MARK, { input: { ids: [nodes[0].id] } }))).toBe('NOT_FOUND');
    const stranger = await f.client(await f.tenant(), 'UNIT_LIAISON');
    expect(errorCode(await stranger.gql(MARK, { input: { ids: [nodes[0].id] } }))).toBe('NOT_FOUND');
    expect(errorCode(await stranger.gql(MARK, { input: { all: true } }))).toBeUndefined();
    expect((await liaison.ok(`{ unreadNotificationCount }`)).unreadNotificationCount).toBe(2);

    expect((await liaison.ok(MARK, { input: { ids: [nodes[0].id] } })).markNotificationsRead).toEqual({
      marked: 1,
      unreadCount: 1,
    });
    expect((await liaison.ok(MARK, { input: { ids: [nodes[0].id] } })).markNotificationsRead).toEqual({
      marked: 0,
      unreadCount: 1,
    });
    expect((await liaison.ok(LIST, { unreadOnly: true })).notifications.nodes.map((n: any) => n.id)).toEqual([
      nodes[1].id,
    ]);
    expect(errorCode(await liaison.gql(MARK, { input: {} }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await liaison.gql(MARK, { input: { ids: ['x'] } }))).toBe('BAD_USER_INPUT');
    // The colleague's own notifications are untouched by all this.
    expect((await colleague.ok(`{ unreadNotificationCount }`)).unreadNotificationCount).toBe(2);
    expect((await colleague.ok(MARK, { input: { all: true } })).markNotificationsRead).toEqual({
      marked: 2,
      unreadCount: 0,
    });
    expect((await liaison.ok(`{ unreadNotificationCount }`)).unreadNotificationCount).toBe(1);
    const audit = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'notification.mark_read'`,
      [tenant.id],
    );
    expect(audit.rows[0].n).toBe(2);
  });

  it('keeps preferences per person, versioned', async () => {
    expect((await leader.ok(PREFS)).notificationPreferences).toEqual({ emailDigest: true, mutedKinds: [], version: 0 });
    const saved = await leader.ok(UPDATE_PREFS, { input: { emailDigest: false, mutedKinds: [], version: 0 } });
    expect(saved.updateNotificationPreferences).toEqual({ emailDigest: false, mutedKinds: [], version: 1 });
    expect(
      errorCode(await leader.gql(UPDATE_PREFS, { input: { emailDigest: true, mutedKinds: [], version: 0 } })),
    ).toBe('CONFLICT');
    expect((await liaison.ok(PREFS)).notificationPreferences.version).toBe(0);
    const audit = await t.db.query(
      `SELECT actor_id, after FROM audit_log WHERE tenant_id = $1 AND action = 'notification.preferences'`,
      [tenant.id],
    );
    expect(audit.rows).toEqual([
      {
        actor_id: leader.user.id,
        after: { emailDigest: false, mutedKinds: [], channels: {}, quietHours: true, version: 1 },
      },
    ]);
  });

  it("e-mails one digest per person with the day's notifications, once", async () => {
    const digests = t.app.get(DigestService);
    expect(await digests.sendForTenant(tenant.id, at('2026-10-12'))).toBe(1);
    // The leader turned the digest off; the colleague has no e-mail address.
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0];
    expect(mail.to).toEqual(['liaison@sfj.example.gov.cn']);
    expect(mail.subject).toBe('【政务公开督办】今日通知 2 条');
    expect(mail.text).toContain('【催办】催办：规范行政复议信息公开1');
    expect(mail.text).toContain('【催办】催办：规范行政复议信息公开2');
    expect(await digests.sendForTenant(tenant.id, at('2026-10-12'))).toBe(0);
    expect(smtp.mails).toHaveLength(1);
    const unsent = await t.db.query(
      `SELECT count(*)::int AS n FROM notification WHERE tenant_id = $1 AND user_id = $2 AND digest_sent_at IS NULL`,
      [tenant.id, liaison.user.id],
    );
    expect(unsent.rows[0].n).toBe(0);
  });

  it('answers the notification list in a fixed number of statements however many rows', async () => {
    const reader = await f.client(tenant, 'UNIT_LIAISON', unit);
    const many = await f.tasks(tenant, [unit], 20, { year: 2026 });
    const insert = (ids: string[]) =>
      t.db.query(
        `INSERT INTO notification (tenant_id, user_id, kind, title, task_id) SELECT $1, $2, 'REMIND', '到期提醒', unnest($3::uuid[])`,
        [tenant.id, reader.user.id, ids],
      );
    await insert(many.tasks.slice(0, 2).map((x) => x.id));
    let small: any;
    const smallCount = await countStatements(async () => (small = await reader.ok(LIST, { first: 50 })));
    await insert(many.tasks.slice(2).map((x) => x.id));
    let large: any;
    const largeCount = await countStatements(async () => (large = await reader.ok(LIST, { first: 50 })));
    expect(small.notifications.nodes).toHaveLength(2);
    expect(large.notifications.nodes).toHaveLength(20);
    expect(large.notifications.nodes.every((n: any) => n.task?.id)).toBe(true);
    expect(smallCount).toBeGreaterThan(0);
    expect(largeCount).toBe(smallCount);
  });
});
