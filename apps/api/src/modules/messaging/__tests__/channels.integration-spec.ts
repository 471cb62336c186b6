import { Clock } from '../../../common/clock.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { Factory, type Client, type TestTenant, type TestUnit, type TestUser } from '../../../../test/factory.js';
import {
  addRobot,
  platformsOnLoopback,
  startDingtalkApi,
  startDingtalkRobot,
  startWecomApi,
  startWecomRobot,
} from '../../../../test/platforms.js';
import { startSmtpServer } from '../../../../test/receivers.js';
import { DataSource } from 'typeorm';
import { MessageEvents } from '../events/message-events.service.js';
import { OutboxDispatcher } from '../outbox/outbox-dispatcher.service.js';

const at = (local: string) => new Date(`${local}+08:00`);
const SIGN_SECRET = `SEC${'a1'.repeat(32)}`;
const URGE = `mutation($taskId: ID!, $message: String!) { urgeTask(taskId: $taskId, message: $message) { id } }`;
const SETTINGS = `mutation($input: UpdateMessageSettingsInput!, $version: Int!) { updateMessageSettings(input: $input, version: $version) { version } }`;
const DELIVERIES = `query($status: DeliveryStatus) { messageDeliveries(status: $status, first: 50) { totalCount nodes { channel kind title recipientName robotName status attempts lastError } } }`;

/**
 * Each channel against a server that answers as the platform does: 企业微信 application messages, 钉钉
 * work notifications, e-mail on a real SMTP server, and both group robots — deliveries, the documented
 * refusals, retries and quiet hours.
 */
describe('message channels against the platforms', () => {
  let t: TestApp;
  let f: Factory;
  let now: Date;
  let wecom: Awaited<ReturnType<typeof startWecomApi>>;
  let dingtalk: Awaited<ReturnType<typeof startDingtalkApi>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let dingRobot: Awaited<ReturnType<typeof startDingtalkRobot>>;
  let wecomRobot: Awaited<ReturnType<typeof startWecomRobot>>;
  let cappedRobot: Awaited<ReturnType<typeof startDingtalkRobot>>;
  let tenant: TestTenant;
  let unit: TestUnit;
  let admin: Client;
  let staff: Client;
  let byUserid: TestUser;
  let byMobile: TestUser;
  let leader: TestUser;
  let unknown: TestUser;
  let settingsVersion = 0;

  const drain = (when = now) => t.app.get(OutboxDispatcher).drain(when);
  const outbox = async (taskId: string) =>
    (
      await t.db.query(
        `SELECT o.channel, o.status, o.attempts, o.last_error, o.next_attempt_at, u.username FROM outbox_message o LEFT JOIN app_user u ON u.id = o.user_id
          WHERE o.tenant_id = $1 AND $2 = ANY(o.task_ids) ORDER BY o.channel, u.username`,
        [tenant.id, taskId],
      )
    ).rows;
  const newTask = async (title = '推进决策公开') =>
    (await f.keyPointTask(await f.keyPointPlan(tenant, { year: 2026, title }), unit, 'LEAD', { dueDate: '2026-10-09' }))
      .id;
  /** Phone and e-mail go in as the app stores them (SM4 with a blind index); platform ids as they are. */
  const setContact = async (user: TestUser, fields: Record<string, string | null>) => {
    const { phone, email, ...ids } = fields;
    const personal = Object.fromEntries(Object.entries({ phone, email }).filter(([, v]) => v !== undefined));
    if (Object.keys(personal).length) await f.contact(user, personal);
    if (Object.keys(ids).length)
      await t.db.query(
        `UPDATE app_user SET ${Object.keys(ids)
          .map((k, i) => `${k} = $${i + 3}`)
          .join(', ')} WHERE tenant_id = $1 AND id = $2`,
        [tenant.id, user.id, ...Object.values(ids)],
      );
  };

  beforeAll(async () => {
    wecom = await startWecomApi({
      corpId: 'ww0123456789abcdef',
      secret: 'wecom-app-secret-0001',
      agentId: 1000002,
      people: [
        { userid: 'ZhangSan', mobile: '13800000001' },
        { userid: 'LiSi', mobile: '13800000002' },
      ],
    });
    dingtalk = await startDingtalkApi({
      appKey: 'dingappkey0001',
      secret: 'dingtalk-app-secret-01',
      agentId: 20001,
      people: [{ userid: 'manager001', mobile: '13900000001' }],
    });
    smtp = await startSmtpServer();
    dingRobot = await startDingtalkRobot({ secret: SIGN_SECRET, keyword: '督办' });
    wecomRobot = await startWecomRobot();
    cappedRobot = await startDingtalkRobot({ perDay: 0 });
    t = await createTestApp({
      SMTP_URL: smtp.url,
      WECOM_API_BASE: wecom.origin,
      DINGTALK_API_BASE: dingtalk.origin,
      MESSAGE_EXTRA_ORIGINS: `${dingRobot.origin},${wecomRobot.origin},${cappedRobot.origin}`,
      PUBLIC_URL: 'https://duban.example.gov.cn',
    });
    platformsOnLoopback(t);
    f = new Factory(t);
    now = at('2026-10-12T10:00:00');
    t.app.get(Clock).now = () => now;
    tenant = await f.tenant();
    unit = await f.unit(tenant, '市交通运输局');
    admin = await f.client(tenant, 'OFFICE_ADMIN');
    staff = await f.client(tenant, 'OFFICE_STAFF');
    byUserid = await f.user(tenant, 'UNIT_LIAISON', unit);
    byMobile = await f.user(tenant, 'UNIT_LIAISON', unit);
    leader = await f.user(tenant, 'UNIT_LEADER', unit);
    unknown = await f.user(tenant, 'UNIT_LIAISON', await f.unit(tenant, '市水务局'));
    await setContact(byUserid, { wecom_userid: 'ZhangSan', email: 'zhangsan@jt.example.gov.cn' });
    // Written as people write it: the platforms get the 11 digits.
    await setContact(byMobile, { phone: '+86 138-0000-0002' });
    await setContact(leader, { dingtalk_userid: 'manager001' });
    await setContact(unknown, { phone: '13700000000' });
    const saved = await admin.ok(SETTINGS, {
      version: 0,
      input: {
        wecom: { enabled: true, appId: 'ww0123456789abcdef', agentId: '1000002', secret: 'wecom-app-secret-0001' },
        dingtalk: { enabled: true, appId: 'dingappkey0001', agentId: '20001', secret: 'dingtalk-app-secret-01' },
        defaultChannels: [{ kind: 'URGE', channels: ['EMAIL', 'WECOM', 'DINGTALK'] }],
      },
    });
    settingsVersion = saved.updateMessageSettings.version;
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([
      wecom.close(),
      dingtalk.close(),
      smtp.close(),
      dingRobot.close(),
      wecomRobot.close(),
      cappedRobot.close(),
    ]);
  });

  it('delivers an urge to each person on each channel they have, and records every attempt', async () => {
    const taskId = await newTask();
    await staff.ok(URGE, { taskId, message: '请于本周内报送整改情况。' });
    // The liaison found by mobile on 企业微信 is not in the office's 钉钉: that one fails, with 钉钉's reason.
    expect(await drain()).toMatchObject({ sent: 4, failed: 1 });
    expect((await outbox(taskId)).find((r) => r.channel === 'DINGTALK' && r.status === 'FAILED')?.last_error).toMatch(
      /60121.*钉钉中找不到该用户/,
    );
    // 企业微信: by userid, and by the mobile number looked up on the platform.
    expect(wecom.received.map((m) => m.touser).sort()).toEqual(['LiSi', 'ZhangSan']);
    expect(wecom.received[0]).toMatchObject({ msgtype: 'text', agentid: 1000002, enable_duplicate_check: 1 });
    expect(wecom.received[0].text.content).toContain('催办：推进决策公开');
    expect(wecom.received[0].text.content).toContain('请于本周内报送整改情况。');
    expect(wecom.received[0].text.content).toContain(`https://duban.example.gov.cn/unit?task=${taskId}`);
    // 钉钉 work notification to the unit leader (urges are copied to the leader).
    expect(dingtalk.received).toEqual([
      expect.objectContaining({
        agent_id: 20001,
        userid_list: 'manager001',
        msg: { msgtype: 'text', text: { content: expect.stringContaining('催办') } },
      }),
    ]);
    // E-mail to the only person with an address.
    expect(smtp.mails).toEqual([
      expect.objectContaining({ to: ['zhangsan@jt.example.gov.cn'], subject: '【政务公开督办】催办：推进决策公开' }),
    ]);
    // One token for all of them, shared through the database.
    expect(wecom.tokensIssued).toBe(1);
    const attempts = await t.db.query(
      `SELECT outcome, count(*)::int AS n FROM outbox_attempt WHERE tenant_id = $1 GROUP BY outcome ORDER BY outcome`,
      [tenant.id],
    );
    expect(attempts.rows).toEqual([
      { outcome: 'FAILED', n: 1 },
      { outcome: 'SENT', n: 4 },
    ]);
    // Sent is final: another round sends nothing again.
    expect(await drain()).toMatchObject({ claimed: 0 });
  });

  it('names the reason when the platform has no such person, and does not retry what cannot succeed', async () => {
    const other = (
      await f.keyPointTask(
        await f.keyPointPlan(tenant, { year: 2026, title: '推进水务信息公开' }),
        await unitOf(unknown),
        'LEAD',
      )
    ).id;
    await staff.ok(URGE, { taskId: other, message: '请尽快报送。' });
    expect(await drain()).toMatchObject({ failed: 2, retried: 0 });
    const row = (await outbox(other)).find((r) => r.channel === 'WECOM')!;
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(row.last_error).toMatch(/46004.*企业微信中没有该手机号的成员/);
    const list = (await staff.ok(DELIVERIES, { status: 'FAILED' })).messageDeliveries;
    expect(list.nodes).toContainEqual(
      expect.objectContaining({
        channel: 'WECOM',
        kind: 'URGE',
        status: 'FAILED',
        lastError: row.last_error,
        title: '催办：推进水务信息公开',
      }),
    );
  });

  it('fails an e-mail the mail server refuses for good, with its reply', async () => {
    await setContact(unknown, { email: 'liaison@nowhere.invalid', phone: null });
    await t.db.query(
      `INSERT INTO notification_preference (tenant_id, user_id, channels) VALUES ($1, $2, '{"URGE": ["EMAIL"]}')`,
      [tenant.id, unknown.id],
    );
    const other = (
      await f.keyPointTask(
        await f.keyPointPlan(tenant, { year: 2026, title: '推进河湖长制信息公开' }),
        await unitOf(unknown),
        'LEAD',
      )
    ).id;
    await staff.ok(URGE, { taskId: other, message: '请尽快报送。' });
    expect(await drain()).toMatchObject({ failed: 1, retried: 0 });
    const [mail] = await outbox(other);
    expect(mail).toMatchObject({ channel: 'EMAIL', status: 'FAILED', attempts: 1 });
    expect(mail.last_error).toMatch(/^邮件服务器拒收：.*550/);
  });

  it('refreshes a token the platform ended early, once, and delivers', async () => {
    wecom.expireToken();
    const taskId = await newTask('推进执行公开');
    await staff.ok(URGE, { taskId, message: '请抓紧办理。' });
    await drain();
    expect((await outbox(taskId)).filter((r) => r.channel === 'WECOM').map((r) => r.status)).toEqual(['SENT', 'SENT']);
    expect(wecom.tokensIssued).toBe(2);
  });

  it('keeps using the cached token until it nears its expiry, then fetches a new one', async () => {
    const tokenCalls = () => wecom.calls.filter((c) => c === '/cgi-bin/gettoken').length;
    const before = tokenCalls();
    const urgeAndDrain = async (title: string, when: Date) => {
      const taskId = await newTask(title);
      await staff.ok(URGE, { taskId, message: '请抓紧办理。' });
      await drain(when);
      return (await outbox(taskId)).filter((r) => r.channel === 'WECOM').map((r) => r.status);
    };
    expect(await urgeAndDrain('推进预算公开', new Date(now.getTime() + 3600_000))).toEqual(['SENT', 'SENT']);
    expect(tokenCalls()).toBe(before);
    // 企业微信 tokens live 7,200 s; within five minutes of that a new one is fetched before sending (by each of
    // the messages sent at once, perhaps: the platform hands out the same token while it is valid).
    expect(await urgeAndDrain('推进决算公开', new Date(now.getTime() + 7200_000 - 4 * 60_000))).toEqual([
      'SENT',
      'SENT',
    ]);
    expect(tokenCalls()).toBeGreaterThan(before);
  });

  it('retries a throttled message after a minute, then delivers it', async () => {
    wecom.throttle(1);
    const taskId = await newTask('推进管理公开');
    await staff.ok(URGE, { taskId, message: '请抓紧办理。' });
    const first = await drain();
    expect(first.retried).toBe(1);
    const throttled = (await outbox(taskId)).find((r) => r.channel === 'WECOM' && r.status === 'PENDING')!;
    expect(throttled.last_error).toMatch(/45009/);
    expect(throttled.next_attempt_at.getTime() - now.getTime()).toBeGreaterThanOrEqual(60_000);
    expect(await drain(new Date(now.getTime() + 30_000))).toMatchObject({ claimed: 0 });
    expect(await drain(new Date(now.getTime() + 61_000))).toMatchObject({ sent: 1 });
    const attempts = await t.db.query(
      `SELECT a.outcome, a.code FROM outbox_attempt a JOIN outbox_message o ON o.tenant_id = a.tenant_id AND o.id = a.message_id
        WHERE o.tenant_id = $1 AND $2 = ANY(o.task_ids) AND o.channel = 'WECOM' AND o.attempts = 2 ORDER BY a.attempt`,
      [tenant.id, taskId],
    );
    expect(attempts.rows).toEqual([
      { outcome: 'RETRY', code: '45009' },
      { outcome: 'SENT', code: '0' },
    ]);
  });

  it('holds what can wait until office hours on the working-day calendar, but never an urge', async () => {
    // Friday Oct 9, 2026, 20:00: the next office hours are on the 调休 Saturday, Oct 10.
    now = at('2026-10-09T20:00:00');
    const taskId = await newTask('推进服务公开');
    await t.db.query(`UPDATE task SET status = 'DONE', completed_at = $3 WHERE tenant_id = $1 AND id = $2`, [
      tenant.id,
      taskId,
      now,
    ]);
    await admin.ok(`mutation($taskId: ID!, $version: Int!) { closeTask(taskId: $taskId, version: $version) { id } }`, {
      taskId,
      version: (await t.db.query(`SELECT version FROM task WHERE id = $1`, [taskId])).rows[0].version,
    });
    const urged = await newTask('推进结果公开');
    await staff.ok(URGE, { taskId: urged, message: '今晚请回复。' });
    await drain();
    expect((await outbox(urged)).filter((r) => r.status === 'PENDING')).toEqual([]);
    const held = (await outbox(taskId)).filter((r) => r.channel === 'WECOM');
    expect(held.map((r) => r.status)).toEqual(['PENDING', 'PENDING']);
    expect(
      held.every((r) => r.next_attempt_at.getTime() === at('2026-10-10T08:30:00').getTime() && r.attempts === 0),
    ).toBe(true);
    // A person who turned quiet hours off is told at once.
    await t.db.query(`INSERT INTO notification_preference (tenant_id, user_id, quiet_hours) VALUES ($1, $2, false)`, [
      tenant.id,
      byMobile.id,
    ]);
    const second = await newTask('推进政策解读');
    await t.db.query(`UPDATE task SET status = 'DONE', completed_at = $3 WHERE tenant_id = $1 AND id = $2`, [
      tenant.id,
      second,
      now,
    ]);
    await admin.ok(`mutation($taskId: ID!, $version: Int!) { closeTask(taskId: $taskId, version: $version) { id } }`, {
      taskId: second,
      version: (await t.db.query(`SELECT version FROM task WHERE id = $1`, [second])).rows[0].version,
    });
    await drain();
    expect((await outbox(second)).filter((r) => r.channel === 'WECOM').map((r) => [r.username, r.status])).toEqual(
      [byUserid.username, byMobile.username].sort().map((u) => [u, u === byMobile.username ? 'SENT' : 'PENDING']),
    );
    now = at('2026-10-10T08:31:00');
    await drain();
    expect((await outbox(taskId)).filter((r) => r.channel === 'WECOM').every((r) => r.status === 'SENT')).toBe(true);
    now = at('2026-10-12T10:00:00');
  });

  it("fails with the platform's own reason when the office's app secret is wrong", async () => {
    settingsVersion = (
      await admin.ok(SETTINGS, {
        version: settingsVersion,
        input: { dingtalk: { enabled: true, secret: 'not-the-right-secret' } },
      })
    ).updateMessageSettings.version;
    const taskId = await newTask('推进预算公开');
    await staff.ok(URGE, { taskId, message: '请抓紧。' });
    await drain();
    const failed = (await outbox(taskId)).find((r) => r.channel === 'DINGTALK')!;
    expect(failed).toMatchObject({ status: 'FAILED' });
    expect(failed.last_error).toMatch(/获取访问令牌失败：错误码 40089.*AppKey 或 AppSecret 不正确/);
    const timeline = await staff.ok(
      `query($id: ID!) { task(id: $id) { messages { channel recipientName status lastError } } }`,
      { id: taskId },
    );
    expect(timeline.task.messages).toContainEqual(
      expect.objectContaining({ channel: 'DINGTALK', status: 'FAILED', lastError: failed.last_error }),
    );
    settingsVersion = (
      await admin.ok(SETTINGS, {
        version: settingsVersion,
        input: { dingtalk: { enabled: true, secret: 'dingtalk-app-secret-01' } },
      })
    ).updateMessageSettings.version;
  });

  describe('group robots', () => {
    let dingId: string;
    let wecomId: string;
    beforeAll(async () => {
      dingId = await addRobot(t, tenant.id, {
        platform: 'DINGTALK',
        webhookUrl: dingRobot.webhookUrl,
        signSecret: SIGN_SECRET,
        kinds: ['URGE'],
      });
      wecomId = await addRobot(t, tenant.id, { platform: 'WECOM', webhookUrl: wecomRobot.webhookUrl, kinds: ['URGE'] });
    });

    it("announces an urge signed (加签) in markdown, @-mentioning the unit's liaisons", async () => {
      const taskId = await newTask('推进重大建设项目信息公开');
      await staff.ok(URGE, { taskId, message: '请于周五前报送。' });
      await drain();
      const ding = dingRobot.received.at(-1);
      expect(ding).toMatchObject({ msgtype: 'markdown', at: { atMobiles: ['13800000002'], isAtAll: false } });
      expect(ding.markdown.text).toContain('【政务公开督办】催办');
      // The task links straight to itself (PUBLIC_URL/tasks/<id> opens it for whoever follows it).
      expect(ding.markdown.text).toContain(
        `**市交通运输局**：[推进重大建设项目信息公开](https://duban.example.gov.cn/tasks/${taskId})`,
      );
      expect(ding.markdown.text).toContain('@13800000002');
      // 企业微信 can @ by mobile only in a text message; the liaison with a userid is mentioned by it.
      expect(wecomRobot.received.at(-1)).toMatchObject({
        msgtype: 'text',
        text: {
          mentioned_list: ['ZhangSan'],
          mentioned_mobile_list: ['13800000002'],
          content: expect.stringContaining('催办'),
        },
      });
      // A text message shows the link's address after its words.
      expect(wecomRobot.received.at(-1).text.content).toContain(
        `推进重大建设项目信息公开 https://duban.example.gov.cn/tasks/${taskId}`,
      );
      const robots = (await outbox(taskId)).filter((r) => r.channel === 'ROBOT');
      expect(robots.map((r) => r.status)).toEqual(['SENT', 'SENT']);
    });

    it('waits for the next day when a robot\'s daily allowance is used up ("webhook over limit")', async () => {
      const id = await addRobot(t, tenant.id, {
        platform: 'DINGTALK',
        webhookUrl: cappedRobot.webhookUrl,
        kinds: ['TASK_ASSIGNED'],
      });
      await t.app
        .get(DataSource)
        .transaction((m) =>
          t.app
            .get(MessageEvents)
            .announce(
              m,
              tenant.id,
              'TASK_ASSIGNED',
              { title: '任务交办', markdown: '### 【政务公开督办】任务交办', mentions: [] },
              [],
              [],
              now,
            ),
        );
      await drain();
      const { rows } = await t.db.query(
        `SELECT status, attempts, last_error, next_attempt_at FROM outbox_message WHERE tenant_id = $1 AND robot_id = $2`,
        [tenant.id, id],
      );
      expect(rows[0]).toMatchObject({
        status: 'PENDING',
        attempts: 1,
        last_error: expect.stringMatching(/webhook over limit/),
      });
      expect(rows[0].next_attempt_at.getTime()).toBe(at('2026-10-13T00:00:00').getTime());
    });

    it('keeps each robot under its own byte limit, which the robots enforce', async () => {
      // 1,000 characters of Chinese: 3,000 bytes, over 企业微信's 2,048 but well under 钉钉's 20,000.
      const long = '请按照要求逐项对照检查并报送整改落实情况，'.repeat(50);
      const mention = { name: '联络员', mobile: '13800000002', wecomUserid: null };
      await t.app
        .get(DataSource)
        .transaction((m) =>
          t.app
            .get(MessageEvents)
            .announce(
              m,
              tenant.id,
              'URGE',
              { title: '长消息', markdown: `### 【政务公开督办】长消息\n${long}`, mentions: [mention] },
              [],
              [],
              now,
            ),
        );
      await drain();
      const text = wecomRobot.received.at(-1).text.content as string;
      expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(2048);
      expect(text.endsWith('…')).toBe(true);
      expect(dingRobot.received.at(-1).markdown.text).toContain(long);
    });

    it('sends at most 20 messages a minute to a robot, counting across processes in the database', async () => {
      const before = dingRobot.received.length;
      const taskIds = await Promise.all(Array.from({ length: 22 }, (_, i) => newTask(`批量催办事项${i + 1}`)));
      for (const taskId of taskIds) await staff.ok(URGE, { taskId, message: '请抓紧。' });
      // 22 urges after the 2 messages above: 24 for each robot within the same minute.
      while ((await drain()).claimed > 0);
      const sentThisMinute = await t.db.query(
        `SELECT count(*)::int AS n FROM outbox_attempt WHERE tenant_id = $1 AND robot_id = $2 AND started_at > $3::timestamptz - interval '1 minute'`,
        [tenant.id, dingId, now],
      );
      expect(sentThisMinute.rows[0].n).toBeLessThanOrEqual(20);
      const waiting = await t.db.query(
        `SELECT count(*)::int AS n, min(next_attempt_at) AS next FROM outbox_message WHERE tenant_id = $1 AND robot_id = $2 AND status = 'PENDING'`,
        [tenant.id, dingId],
      );
      expect(waiting.rows[0].n).toBeGreaterThan(0);
      expect(waiting.rows[0].next.getTime()).toBeGreaterThan(now.getTime());
      // Nothing was refused for speed: the robot never had to say 410100.
      const refused = await t.db.query(
        `SELECT count(*)::int AS n FROM outbox_attempt WHERE tenant_id = $1 AND robot_id = $2 AND code = '410100'`,
        [tenant.id, dingId],
      );
      expect(refused.rows[0].n).toBe(0);
      expect(waiting.rows[0].n).toBe(4);
      expect(dingRobot.received.length - before).toBe(22 - 4);
      void wecomId;
    });
  });

  async function unitOf(user: TestUser): Promise<TestUnit> {
    return { id: user.unitId!, name: '', tenantId: tenant.id };
  }
});
