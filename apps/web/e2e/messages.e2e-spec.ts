import type { Browser, Page } from 'playwright-core';
import { startDingtalkRobot } from '../../../tools/lib/platform-servers.js';
import { apiAs, leaderApprovesOverHttp } from './support/api-client.js';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { screenshot } from './support/browser.js';
import { clickStill } from './support/page-tools.js';
import { signIn } from './support/session.js';

const PASSWORD = 'Duban@2026';
const REASON = '请补充政策解读页面的链接和发布日期。';
const SIGN_SECRET = `SEC${'5e'.repeat(32)}`;

/** Waits until the bell's accessible name says `n` unread ("通知 3 条未读", or "通知" for none). */
function bellShows(page: Page, n: number, timeout = 45_000) {
  return page.waitForFunction(
    (expected) => {
      const label = document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ?? '';
      return Number(/通知 (\d+) 条未读/.exec(label)?.[1] ?? 0) === expected;
    },
    n,
    { timeout },
  );
}

/**
 * Messages that arrive: the 省发展改革委 liaison is looking at their task list when the office returns
 * their report; the bell counts it without a reload, and the 通知 page says why it came back.
 */
describe('messages: the liaison hears of a returned report at once', () => {
  let server: AppServer;
  let browser: Browser;
  let robot: Awaited<ReturnType<typeof startDingtalkRobot>>;

  beforeAll(async () => {
    // A 钉钉 robot with 加签, as 钉钉 answers; the operator lets robots use its address (on loopback, which
    // only the test's preload makes reachable).
    robot = await startDingtalkRobot({ secret: SIGN_SECRET });
    ({ server, browser } = await startAppAndBrowser(
      { MESSAGE_EXTRA_ORIGINS: robot.origin },
      { preload: ['./apps/api/test/loopback-platforms.ts'] },
    ));
  });
  afterAll(() => stopAppAndBrowser({ server, browser }, robot));

  it("counts the returned report on the liaison's bell without a reload and shows the reason", async () => {
    // Arranged over HTTP: the liaison reports, the unit leader approves (the demo tenant asks for that).
    const liaisonApi = await apiAs(server.url, 'fgw-lly', PASSWORD);
    const { myTasks } = await liaisonApi(`{ myTasks(first: 50) { nodes { id status keyPoint { title } } } }`);
    const task = myTasks.nodes.find(
      (t: { status: string }) => t.status === 'NOT_STARTED' || t.status === 'IN_PROGRESS',
    );
    const { submitReport } = await liaisonApi(
      `mutation($taskId: ID!) { submitReport(taskId: $taskId, input: { text: "已在门户网站发布政策解读。", progress: 40 }) { id version } }`,
      {
        taskId: task.id,
      },
    );
    const leaderApi = await apiAs(server.url, 'fgw-ld', PASSWORD);
    await leaderApprovesOverHttp(leaderApi, submitReport);

    const liaison = await signIn(browser, server.url, 'fgw-lly', { password: PASSWORD });
    // The count the server has now (the demo's new tasks): the bell shows it once its first answer is in.
    const { unreadNotificationCount: before } = await liaisonApi(`{ unreadNotificationCount }`);
    await bellShows(liaison, before);
    await screenshot(liaison, 'messages', 'liaison-before');

    // The office returns the report in its own browser, from the task's drawer (the demo year has other
    // reports of the unit waiting, so the review queue's first one need not be this one).
    const office = await signIn(browser, server.url, 'ban-staff', {
      password: PASSWORD,
      // Opened on the task's drawer (one full load instead of the home page's and then this one's).
      path: `/office?task=${task.id}`,
    });
    const drawer = office.locator('.ant-drawer');
    await drawer
      .getByRole('button', { name: /^退\s*回$/ })
      .first()
      .click();
    await office.getByLabel('退回原因').fill(REASON);
    await clickStill(office.locator('.ant-modal').getByRole('button', { name: /退\s*回/ }));
    await drawer.getByTestId('report-card').getByText(`退回原因`).first().waitFor();

    // No reload on the liaison's side: the bell catches up by itself.
    const url = liaison.url();
    await bellShows(liaison, before + 1);
    expect(liaison.url()).toBe(url);
    await screenshot(liaison, 'messages', 'liaison-bell');

    await liaison.getByTestId('notification-bell').click();
    await liaison.waitForURL('**/notifications');
    await liaison.getByText(`报告被退回：${task.keyPoint.title}`.slice(0, 20), { exact: false }).first().waitFor();
    await liaison.getByText(REASON, { exact: false }).first().waitFor();
    // Filtered to 报送与审核, it is still there; the 通知 page marks it read.
    await liaison.getByLabel('通知类型').click();
    await liaison.getByTitle('报送与审核').click();
    await liaison.getByText(REASON, { exact: false }).first().waitFor();
    await liaison
      .getByRole('button', { name: /标为已读：报告被退回/ })
      .first()
      .click();
    await bellShows(liaison, before);
    await screenshot(liaison, 'messages', 'notifications');
  }, 180_000);

  it("lets the office admin set up a 钉钉 robot with 加签, masked once saved, and shows the robot's own answer to 发送测试消息", async () => {
    const admin = await signIn(browser, server.url, 'ban-admin', {
      password: PASSWORD,
      path: '/settings?tab=robots',
    });
    await admin.getByRole('button', { name: '添加机器人' }).click();
    const dialog = admin.locator('.ant-modal');
    await dialog.getByLabel('机器人名称').fill('督办工作群');
    await dialog.getByLabel('Webhook 地址').fill(robot.webhookUrl);
    // A wrong 加签 secret first: 钉钉 answers HTTP 200 with errcode 310000, which is a failure.
    await dialog.getByLabel('加签密钥').fill(`SEC${'00'.repeat(32)}`);
    await clickStill(dialog.getByRole('button', { name: /保\s*存/ }));
    await admin.getByText('群机器人已保存').waitFor();
    // Saved, the address shows masked: the token in it is the robot's key.
    await admin.getByText('已加签').waitFor();
    expect(await admin.locator('.ant-list').innerText()).not.toContain(robot.accessToken);

    await admin.getByRole('button', { name: '发送测试消息' }).click();
    const result = admin.getByTestId('test-result');
    await result.getByText(/发送失败：错误码 310000：sign not match.*加签校验失败/).waitFor();
    await result.getByText('"errcode":310000', { exact: false }).waitFor();
    expect(robot.received).toHaveLength(0);
    await screenshot(admin, 'messages', 'robot-sign-refused');

    await admin.getByRole('button', { name: '编辑' }).click();
    await dialog.getByLabel('加签密钥').fill(SIGN_SECRET);
    await clickStill(dialog.getByRole('button', { name: /保\s*存/ }));
    await admin.getByText('群机器人已保存').last().waitFor();
    await admin.getByRole('button', { name: '发送测试消息' }).click();
    await admin.getByTestId('test-result').getByText('测试消息已送达').waitFor();
    await admin.getByTestId('test-result').getByText('{"errcode":0,"errmsg":"ok"}').waitFor();
    expect(robot.received).toHaveLength(1);
    await screenshot(admin, 'messages', 'robot-test-delivered');
  }, 180_000);
});
