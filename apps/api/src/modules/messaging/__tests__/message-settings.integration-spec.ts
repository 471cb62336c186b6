import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant } from '../../../../test/factory.js';
import { platformsOnLoopback, startDingtalkRobot, startWecomRobot } from '../../../../test/platforms.js';
import { PlatformHttp } from '../channels/platform-http.js';

const SETTINGS = `{ messageSettings { wecom { appId agentId secretMasked } dingtalk { appId agentId secretMasked } workStart workEnd emailAvailable version
  defaultChannels { kind channels } } }`;
const UPDATE = `mutation($input: UpdateMessageSettingsInput!, $version: Int!) { updateMessageSettings(input: $input, version: $version) {
  wecom { appId agentId secretMasked } workStart workEnd version defaultChannels { kind channels } } }`;
const ROBOTS = `{ messageRobots { id name platform kinds enabled webhookMasked signSecretMasked version lastDelivery { status lastError } } }`;
const SAVE_ROBOT = `mutation($input: SaveMessageRobotInput!) { saveMessageRobot(input: $input) { id name platform kinds webhookMasked signSecretMasked version } }`;
const DELETE_ROBOT = `mutation($id: ID!, $version: Int!) { deleteMessageRobot(id: $id, version: $version) }`;
const TEST_ROBOT = `mutation($id: ID!) { testMessageRobot(id: $id) { delivered code detail answer } }`;
const TEST_APP = `mutation($platform: RobotPlatform!) { testWorkApp(platform: $platform) { delivered code detail } }`;
const SIGN = `SEC${'7e'.repeat(32)}`;
const WECOM_SECRET = 'Zk9-secret-of-the-wecom-app';

describe('message channel settings: the office admin only, secrets masked, robots only at the platforms', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let admin: Client;
  let dingRobot: Awaited<ReturnType<typeof startDingtalkRobot>>;
  let keywordRobot: Awaited<ReturnType<typeof startDingtalkRobot>>;
  let wecomRobot: Awaited<ReturnType<typeof startWecomRobot>>;
  const robotInput = (extra: Record<string, unknown>) => ({
    name: '督办工作群',
    platform: 'DINGTALK',
    kinds: ['DAILY_SUMMARY', 'URGE'],
    enabled: true,
    ...extra,
  });

  beforeAll(async () => {
    dingRobot = await startDingtalkRobot({ secret: SIGN });
    keywordRobot = await startDingtalkRobot({ keyword: '周报' });
    wecomRobot = await startWecomRobot();
    t = await createTestApp({
      MESSAGE_EXTRA_ORIGINS: [dingRobot.origin, keywordRobot.origin, wecomRobot.origin].join(','),
    });
    platformsOnLoopback(t);
    f = new Factory(t);
    tenant = await f.tenant();
    admin = await f.client(tenant, 'OFFICE_ADMIN');
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([dingRobot.close(), keywordRobot.close(), wecomRobot.close()]);
  });

  it('keeps the app secret write-only: the admin sees it masked, the audit log never', async () => {
    const first = await admin.ok(SETTINGS);
    expect(first.messageSettings).toMatchObject({
      wecom: null,
      dingtalk: null,
      workStart: '08:30',
      workEnd: '17:30',
      emailAvailable: false,
      version: 0,
    });
    expect(first.messageSettings.defaultChannels).toContainEqual({ kind: 'URGE', channels: ['WECOM', 'DINGTALK'] });
    const saved = await admin.ok(UPDATE, {
      version: 0,
      input: {
        wecom: { enabled: true, appId: 'ww0123456789abcdef', agentId: '1000002', secret: WECOM_SECRET },
        workStart: '09:00',
        workEnd: '18:00',
      },
    });
    expect(saved.updateMessageSettings).toMatchObject({
      wecom: { appId: 'ww0123456789abcdef', agentId: '1000002', secretMasked: 'Zk9-******-app' },
      workStart: '09:00',
      version: 1,
    });
    // Saving without a secret keeps the stored one; a stale version is refused.
    const kept = await admin.ok(UPDATE, { version: 1, input: { wecom: { enabled: true, agentId: '1000003' } } });
    expect(kept.updateMessageSettings.wecom).toEqual({
      appId: 'ww0123456789abcdef',
      agentId: '1000003',
      secretMasked: 'Zk9-******-app',
    });
    expect(errorCode(await admin.gql(UPDATE, { version: 1, input: { workEnd: '17:00' } }))).toBe('CONFLICT');
    const audit = await t.db.query(
      `SELECT after FROM audit_log WHERE tenant_id = $1 AND action = 'message_settings.update'`,
      [tenant.id],
    );
    expect(audit.rows).toHaveLength(2);
    expect(JSON.stringify(audit.rows)).not.toContain(WECOM_SECRET);
    expect(audit.rows[0].after.wecom).toEqual({ appId: 'ww0123456789abcdef', agentId: '1000002', secretChanged: true });
  });

  it.each([
    [{ wecom: { enabled: true, appId: 'ww 01', agentId: '1', secret: 'long-enough-secret' } }, 'wecom.appId', /CorpID/],
    [
      { dingtalk: { enabled: true, appId: 'dingkey01', agentId: 'abc', secret: 'long-enough-secret' } },
      'dingtalk.agentId',
      /AgentId/,
    ],
    [{ dingtalk: { enabled: true, appId: 'dingkey01', agentId: '12' } }, 'dingtalk.secret', /请填写钉钉应用的 Secret/],
    [{ workStart: '18:00', workEnd: '08:30' }, 'workStart', /开始早于结束/],
  ])('refuses %j with a Chinese message on the field', async (input, field, message) => {
    const own = await f.tenant();
    const ownAdmin = await f.client(own, 'OFFICE_ADMIN');
    const res = await ownAdmin.gql(UPDATE, { version: 0, input });
    expect(res.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    expect(res.errors![0].message).toMatch(message);
  });

  it('accepts robots only at the 钉钉 and 企业微信 robot addresses over https (plus what the operator allows)', async () => {
    const refused = [
      ['http://oapi.dingtalk.com/robot/send?access_token=abc', /https:\/\/oapi\.dingtalk\.com\/robot\/send/],
      [
        'https://oapi.dingtalk.com.evil.example/robot/send?access_token=abc',
        /https:\/\/oapi\.dingtalk\.com\/robot\/send/,
      ],
      ['https://127.0.0.1/robot/send?access_token=abc', /https:\/\/oapi\.dingtalk\.com\/robot\/send/],
      ['https://169.254.169.254/latest/meta-data/', /https:\/\/oapi\.dingtalk\.com\/robot\/send/],
      ['https://oapi.dingtalk.com/robot/send', /缺少 access_token/],
      ['not a url', /不是有效的网址/],
    ] as const;
    for (const [webhookUrl, message] of refused) {
      const res = await admin.gql(SAVE_ROBOT, { input: robotInput({ webhookUrl }) });
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'webhookUrl' } });
      expect(res.errors![0].message).toMatch(message);
    }
    const wrongPlatform = await admin.gql(SAVE_ROBOT, {
      input: robotInput({ platform: 'WECOM', webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=abc' }),
    });
    expect(wrongPlatform.errors![0].message).toMatch(/qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send/);
    const ok = await admin.ok(SAVE_ROBOT, {
      input: robotInput({
        webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=3f2a9e91c0ffee',
        signSecret: SIGN,
      }),
    });
    expect(ok.saveMessageRobot).toMatchObject({
      platform: 'DINGTALK',
      webhookMasked: 'https://oapi.dingtalk.com/robot/send?access_token=3f2a******ffee',
      signSecretMasked: 'SEC7******7e7e',
    });
    await admin.ok(DELETE_ROBOT, { id: ok.saveMessageRobot.id, version: ok.saveMessageRobot.version });
  });

  it('sends to a platform host only at a public address: a host resolving inside is refused without connecting', async () => {
    const saved = (
      await admin.ok(SAVE_ROBOT, {
        input: robotInput({ webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=rebound' }),
      })
    ).saveMessageRobot;
    const http = t.app.get(PlatformHttp);
    const lookups: string[] = [];
    http.resolve = async (hostname) => {
      lookups.push(hostname);
      return [{ address: '10.0.0.8', family: 4 }];
    };
    try {
      const res = (await admin.ok(TEST_ROBOT, { id: saved.id })).testMessageRobot;
      expect(res).toMatchObject({ delivered: false, code: 'BLOCKED' });
      expect(res.detail).toMatch(/地址不在允许范围内/);
      expect(lookups).toEqual(['oapi.dingtalk.com']);
    } finally {
      http.resolve = undefined;
    }
    await admin.ok(DELETE_ROBOT, { id: saved.id, version: saved.version });
  });

  it("发送测试消息 shows the robot's own answer, signed with 加签, and what a refusal said", async () => {
    const signed = (
      await admin.ok(SAVE_ROBOT, { input: robotInput({ webhookUrl: dingRobot.webhookUrl, signSecret: SIGN }) })
    ).saveMessageRobot;
    expect((await admin.ok(TEST_ROBOT, { id: signed.id })).testMessageRobot).toEqual({
      delivered: true,
      code: '0',
      detail: null,
      answer: '{"errcode":0,"errmsg":"ok"}',
    });
    expect(dingRobot.received.at(-1).markdown.text).toContain('测试消息');
    const keyword = (
      await admin.ok(SAVE_ROBOT, { input: robotInput({ name: '工作群二', webhookUrl: keywordRobot.webhookUrl }) })
    ).saveMessageRobot;
    const refused = (await admin.ok(TEST_ROBOT, { id: keyword.id })).testMessageRobot;
    expect(refused).toMatchObject({ delivered: false, code: '310000', detail: expect.stringMatching(/自定义关键词/) });
    expect(JSON.parse(refused.answer)).toMatchObject({
      errcode: 310000,
      errmsg: expect.stringContaining('keywords not in content'),
    });
    // A wrong 加签 secret is refused by the robot, and the office reads why.
    const wrongSign = (
      await admin.ok(SAVE_ROBOT, {
        input: {
          ...robotInput({ webhookUrl: '' }),
          id: signed.id,
          version: signed.version,
          signSecret: `SEC${'00'.repeat(32)}`,
        },
      })
    ).saveMessageRobot;
    expect((await admin.ok(TEST_ROBOT, { id: wrongSign.id })).testMessageRobot).toMatchObject({
      delivered: false,
      code: '310000',
      detail: expect.stringMatching(/加签校验失败/),
    });
    const wecom = (
      await admin.ok(SAVE_ROBOT, {
        input: robotInput({ name: '企业微信群', platform: 'WECOM', webhookUrl: wecomRobot.webhookUrl }),
      })
    ).saveMessageRobot;
    expect((await admin.ok(TEST_ROBOT, { id: wecom.id })).testMessageRobot).toMatchObject({ delivered: true });
    expect(wecomRobot.received.at(-1)).toMatchObject({
      msgtype: 'markdown',
      markdown: { content: expect.stringContaining('测试消息') },
    });
    // Listed masked, the stored token never shown.
    const listed = (await admin.ok(ROBOTS)).messageRobots;
    expect(JSON.stringify(listed)).not.toContain(dingRobot.accessToken);
    expect(JSON.stringify(listed)).not.toContain(wecomRobot.key);
  });

  it("refuses every role but the office admin, and never reaches another tenant's robot", async () => {
    const robot = (await admin.ok(ROBOTS)).messageRobots[0];
    for (const role of ['OFFICE_STAFF', 'UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'] as const) {
      const c = await f.client(tenant, role);
      for (const [query, variables] of [
        [SETTINGS, {}],
        [ROBOTS, {}],
        [UPDATE, { version: 0, input: { workStart: '08:00' } }],
        [SAVE_ROBOT, { input: robotInput({ webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=x' }) }],
        [DELETE_ROBOT, { id: robot.id, version: robot.version }],
        [TEST_ROBOT, { id: robot.id }],
        [TEST_APP, { platform: 'WECOM' }],
      ] as const) {
        expect([role, errorCode(await c.gql(query, variables))]).toEqual([role, 'FORBIDDEN']);
      }
    }
    const stranger = await f.client(await f.tenant(), 'OFFICE_ADMIN');
    expect(errorCode(await stranger.gql(TEST_ROBOT, { id: robot.id }))).toBe('NOT_FOUND');
    expect(errorCode(await stranger.gql(DELETE_ROBOT, { id: robot.id, version: robot.version }))).toBe('NOT_FOUND');
    expect(
      errorCode(
        await stranger.gql(SAVE_ROBOT, {
          input: { ...robotInput({ webhookUrl: '' }), id: robot.id, version: robot.version },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect((await stranger.ok(ROBOTS)).messageRobots).toEqual([]);
    expect((await admin.ok(ROBOTS)).messageRobots.map((r: { id: string }) => r.id)).toContain(robot.id);
  });

  it('tells the admin why a test to themselves cannot go out', async () => {
    const res = (await admin.ok(TEST_APP, { platform: 'DINGTALK' })).testWorkApp;
    expect(res).toEqual({ delivered: false, code: 'NOT_CONFIGURED', detail: '办公室尚未设置钉钉应用' });
  });
});
