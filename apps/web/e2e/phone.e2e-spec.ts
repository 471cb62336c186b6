import type { Browser, Locator, Page } from 'playwright-core';
import { startOidcProvider, type TestOidcProvider } from '../../../tools/lib/oidc-provider.js';
import { apiAs } from './support/api-client.js';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { turnOnSso } from './support/sso.js';
import { screenshot } from './support/browser.js';
import { confirm, untilStill } from './support/page-tools.js';
import { DEMO_PASSWORD } from './support/session.js';

const SUITE = 'phone';
/** An iPhone-sized screen, as 企业微信's built-in browser reports itself on Android. */
const PHONE = {
  viewport: { width: 375, height: 812 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  userAgent:
    'Mozilla/5.0 (Linux; Android 13; V2227A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 wxwork/4.1.22 MicroMessenger/7.0.1 NetType/WIFI Language/zh',
};
/** Small enough that a "photo" over it is cheap to make; the cap is the server's, whatever the page. */
const UPLOAD_CAP = 64 * 1024;
const REPORT_TEXT = '已在单位门户网站公开专栏张贴公示，附现场照片。';
const URGE_TEXT = '请于本周内报送本期进展。';

/** A JPEG as the file-type sniffer sees one (SOI, a JFIF APP0 header, EOI) of about `bytes` bytes. */
function jpeg(bytes: number): Buffer {
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length - 2)), Buffer.from([0xff, 0xd9])]);
}

/** The page fits the screen: nothing makes the document wider than the viewport. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const widths = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect({ where, ...widths, fits: widths.scrollWidth <= widths.innerWidth }).toMatchObject({ where, fits: true });
}

/** A fingertip can hit it: at least 44 × 44 CSS pixels, measured once drawers and dialogs have zoomed in. */
async function expectTouchSized(target: Locator, what: string) {
  await untilStill(target);
  const box = await target.boundingBox();
  const size = `${Math.round(box?.width ?? 0)}×${Math.round(box?.height ?? 0)}`;
  const fits = !!box && Math.round(box.width) >= 44 && Math.round(box.height) >= 44;
  expect({ what, size, fits }).toEqual({ what, size, fits: true });
}

/**
 * Issue 19, on a phone: the 省发展改革委 liaison follows a message's link to a task, signs in, reports
 * with a photo from the camera, acknowledges the office's urge and asks for a delay; the unit leader
 * follows the approval link, signs in at the 统一身份认证 provider and approves. Every page fits 375 px
 * and the actions are touch-sized; the office's ledger scrolls inside its table.
 */
describe('on a phone: the liaison reports from a message link, the leader approves', () => {
  let server: AppServer;
  let browser: Browser;
  let provider: TestOidcProvider;
  let task: { id: string; title: string; earliest: string };

  beforeAll(async () => {
    ({ server, browser } = await startAppAndBrowser({ MAX_UPLOAD_BYTES: String(UPLOAD_CAP) }));
    provider = await startOidcProvider({
      redirectUris: [`${server.url}/auth/sso/callback`],
      postLogoutRedirectUris: [`${server.url}/login`],
    });
    const liaison = await apiAs(server.url, 'fgw-lly', DEMO_PASSWORD);
    const { myTasks } = await liaison(
      `{ myTasks(first: 50) { nodes { id status keyPoint { title } delayDateRange { earliest }
          delayRequests { status } } } }`,
    );
    const open = myTasks.nodes.find(
      (t: { status: string; delayDateRange: unknown; delayRequests: { status: string }[] }) =>
        !['DONE', 'CLOSED', 'SUBMITTED'].includes(t.status) &&
        t.delayDateRange &&
        !t.delayRequests.some((d) => d.status === 'PENDING'),
    );
    task = { id: open.id, title: open.keyPoint.title, earliest: open.delayDateRange.earliest };
    const office = await apiAs(server.url, 'ban-admin', DEMO_PASSWORD);
    await office(`mutation($taskId: ID!, $message: String!) { urgeTask(taskId: $taskId, message: $message) { id } }`, {
      taskId: task.id,
      message: URGE_TEXT,
    });
    await turnOnSso(office, provider);
  });
  afterAll(() => stopAppAndBrowser({ server, browser }, provider));

  async function phonePage(): Promise<Page> {
    const context = await browser.newContext(PHONE);
    return context.newPage();
  }

  it('the liaison opens the task from the link, reports with a photo, acknowledges the urge, asks for a delay', async () => {
    const page = await phonePage();
    // The link an urge's e-mail or 企业微信 message carries (PUBLIC_URL + /unit?task=…).
    await page.goto(`${server.url}/unit?task=${task.id}`);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel('机构代码').fill('demo');
    await page.getByLabel('用户名').fill('fgw-lly');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await expectNoSidewaysScroll(page, 'login');
    const signIn = page.getByRole('button', { name: /^登\s*录$/ });
    await expectTouchSized(signIn, '登录');
    await signIn.tap();
    await page.waitForURL((url) => url.pathname === '/unit' && url.searchParams.get('task') === task.id);

    // The task fills the screen.
    const drawer = page.getByRole('dialog').filter({ hasText: '任务详情' });
    await drawer.getByText(task.title).first().waitFor();
    expect((await drawer.boundingBox())?.width).toBe(PHONE.viewport.width);
    await expectNoSidewaysScroll(page, 'task');
    await screenshot(page, SUITE, '01-task-from-link');

    // 催办: acknowledged from the task.
    const acknowledge = drawer.getByRole('button', { name: /确认收到/ });
    await drawer.getByText(`办公室催办：${URGE_TEXT}`).waitFor();
    await expectTouchSized(acknowledge, '确认收到');
    await acknowledge.tap();
    await page.getByText('已确认收到').waitFor();
    await drawer.getByText(`办公室催办：${URGE_TEXT}`).waitFor({ state: 'detached' });

    // 报送进展 with a photo from the camera; the server's size cap holds on the phone too.
    const reportButton = drawer.getByRole('button', { name: '报送进展' });
    await expectTouchSized(reportButton, '报送进展');
    await reportButton.tap();
    const form = drawer.getByRole('form', { name: '报送进展' });
    await form.getByLabel('工作进展', { exact: true }).fill(REPORT_TEXT);
    await form.getByLabel('完成进度', { exact: true }).fill('40');
    const camera = form.locator('input[type=file][capture]');
    expect(await camera.getAttribute('accept')).toBe('image/*');
    await expectTouchSized(form.getByRole('button', { name: /拍\s*照/ }), '拍照');
    await expectTouchSized(form.getByRole('button', { name: /选择文件/ }), '选择文件');
    expect(await form.locator('input[type=file]:not([capture])').getAttribute('accept')).toMatch(/^image\/\*,.*\.pdf/);
    await camera.setInputFiles({
      name: 'IMG_20261206_093015.jpg',
      mimeType: 'image/jpeg',
      buffer: jpeg(UPLOAD_CAP + 1),
    });
    await form.getByText('文件过大，不能超过 64 KB').waitFor();
    await form.getByRole('button', { name: /提交报送/ }).tap();
    await form.getByText('有附件上传失败，请删除后重新上传').waitFor();
    await form.locator('.ant-upload-list-item-error').getByRole('button', { name: /删除/ }).tap();
    await camera.setInputFiles({ name: 'IMG_20261206_093142.jpg', mimeType: 'image/jpeg', buffer: jpeg(20_000) });
    await form.locator('.ant-upload-list-item-done', { hasText: 'IMG_20261206_093142.jpg' }).waitFor();
    await expectNoSidewaysScroll(page, 'report form');
    await screenshot(page, SUITE, '02-report-with-photo');
    const submit = form.getByRole('button', { name: /提交报送/ });
    await expectTouchSized(submit, '提交报送');
    await submit.tap();
    await page.getByText('已提交，等待分管领导审核').waitFor();
    const sent = drawer.getByTestId('report-card').filter({ hasText: REPORT_TEXT });
    await sent.getByRole('link', { name: /IMG_20261206_093142\.jpg/ }).waitFor();

    // 申请延期: the phone's own date picker, limited to the dates that can be asked for.
    const delayButton = drawer.getByRole('button', { name: '申请延期' });
    await expectTouchSized(delayButton, '申请延期');
    await delayButton.tap();
    const delayForm = drawer.getByRole('form', { name: '延期申请' });
    const dateInput = delayForm.getByLabel('申请延期至');
    expect(await dateInput.getAttribute('type')).toBe('date');
    expect(await dateInput.getAttribute('min')).toBe(task.earliest);
    await expectTouchSized(dateInput, '申请延期至');
    await dateInput.fill(task.earliest);
    await delayForm.getByLabel('延期理由').fill('需等待上级部门答复后方可完成公开。');
    await expectNoSidewaysScroll(page, 'delay form');
    await screenshot(page, SUITE, '03-delay-request');
    await delayForm.getByRole('button', { name: /提交申请/ }).tap();
    await page.getByText('延期申请已提交，等待办公室审批').waitFor();
    await drawer.getByRole('tab', { name: /延期申请（1）|延期申请/ }).tap();
    await drawer.getByText(new RegExp(`待审批：.* → ${task.earliest}`)).waitFor();

    // Back to the list: cards, not a table, and the menu behind its button.
    const close = drawer.getByRole('button', { name: /Close|关闭/ });
    await expectTouchSized(close, '关闭');
    await close.tap();
    await page.waitForURL((url) => !url.searchParams.has('task'));
    await page.getByTestId('task-cards').waitFor();
    expect(await page.locator('.ant-table').count()).toBe(0);
    await expectTouchSized(page.getByRole('button', { name: /^办理：/ }).first(), '办理');
    await expectNoSidewaysScroll(page, 'unit home');
    await screenshot(page, SUITE, '04-unit-home');
    const menuButton = page.getByRole('button', { name: /^打开菜单/ });
    await expectTouchSized(menuButton, '打开菜单');
    await expectTouchSized(page.getByTestId('notification-bell'), '通知');
    await menuButton.tap();
    await page.getByRole('menuitem', { name: /牵头协调/ }).tap();
    await page.waitForURL('**/unit/coordination');
    await page.getByRole('heading', { name: '牵头协调' }).waitFor();
    await expectNoSidewaysScroll(page, 'coordination');
    await page.getByTestId('notification-bell').tap();
    await page.waitForURL('**/notifications');
    await page.getByText(URGE_TEXT).first().waitFor();
    await expectNoSidewaysScroll(page, 'notifications');
  });

  it('the leader follows the approval link, signs in through 统一身份认证 and approves', async () => {
    provider.signInAs({ sub: 'gov-0002', claims: { preferred_username: 'fgw-ld', name: '发改委分管领导' } });
    const page = await phonePage();
    // The link of a 待审批 message (PUBLIC_URL + /unit/approvals).
    await page.goto(`${server.url}/unit/approvals`);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel('机构代码').fill('demo');
    const sso = page.getByRole('button', { name: '统一身份认证登录' });
    await sso.waitFor();
    await expectTouchSized(sso, '统一身份认证登录');
    await sso.tap();
    await page.waitForURL((url) => url.pathname === '/unit/approvals', { timeout: 30_000 });

    const card = page.locator('.ant-card', { hasText: REPORT_TEXT });
    await card.getByRole('link', { name: /IMG_20261206_093142\.jpg/ }).waitFor();
    await expectNoSidewaysScroll(page, 'approvals');
    await screenshot(page, SUITE, '05-leader-approvals');
    const approve = card.getByRole('button', { name: /同\s*意/ });
    await expectTouchSized(approve, '同意');
    await expectTouchSized(card.getByRole('button', { name: /退\s*回/ }), '退回');
    await approve.tap();
    await expectTouchSized(page.locator('.ant-modal-confirm').getByRole('button', { name: /同\s*意/ }), '确认同意');
    await confirm(page, /同\s*意/, 'tap');
    await page.getByText('已同意，报送已提交办公室').waitFor();
    await card.waitFor({ state: 'detached' });
  });

  it('the office follows a group robot’s task link to the ledger, which scrolls inside its table', async () => {
    const page = await phonePage();
    // A group message's link (PUBLIC_URL/tasks/<id>): each reader lands where they work on the task.
    await page.goto(`${server.url}/tasks/${task.id}`);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel('机构代码').fill('demo');
    await page.getByLabel('用户名').fill('ban-admin');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /^登\s*录$/ }).tap();
    await page.waitForURL((url) => url.pathname === '/ledger' && url.searchParams.get('task') === task.id);
    const drawer = page.getByRole('dialog').filter({ hasText: '任务详情' });
    await drawer.getByText(task.title).first().waitFor();
    expect((await drawer.boundingBox())?.width).toBe(PHONE.viewport.width);
    await expectNoSidewaysScroll(page, 'ledger task');
    await drawer.getByRole('button', { name: /Close|关闭/ }).tap();
    await page.waitForURL((url) => !url.searchParams.has('task'));

    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await expectNoSidewaysScroll(page, 'ledger');
    const scroller = page.locator('.ant-table-content, .ant-table-body').first();
    const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    await screenshot(page, SUITE, '06-office-ledger');
  });
  it('a signed-in liaison’s 我的任务 gets its data with its code: each first query sent once, no office code', async () => {
    const page = await phonePage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('机构代码').fill('demo');
    await page.getByLabel('用户名').fill('fgw-lly');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /^登\s*录$/ }).tap();
    await page.waitForURL((url) => url.pathname === '/unit');

    // Opened again from the home screen, cold cache, on a slowish network: the first-load script asks
    // before the app's code is there, and the app takes those answers instead of asking again.
    const context = await browser.newContext(PHONE);
    await context.addCookies(await page.context().cookies());
    const again = await context.newPage();
    const cdp = await context.newCDPSession(again);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: 1.5e6 / 8,
      uploadThroughput: 750e3 / 8,
    });
    const operations: string[] = [];
    const scripts: string[] = [];
    again.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.method() === 'POST')
        operations.push((request.postDataJSON() as { operationName: string }).operationName);
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    // In order: each GraphQL request going out and the app's code having arrived.
    const events: string[] = [];
    again.on('request', (request) => {
      if (request.url().endsWith('/graphql'))
        events.push((request.postDataJSON() as { operationName: string }).operationName);
    });
    again.on('requestfinished', (request) => {
      if (/\/assets\/shell-/.test(request.url())) events.push('shell arrived');
    });
    await again.goto(`${server.url}/unit`);
    await again.locator('[data-testid=task-cards] button').first().waitFor();
    const count = (name: string) => operations.filter((o) => o === name).length;
    expect(['Me', 'MyTasks', 'Urges', 'Dashboard', 'UnsignedTaskCount'].map((name) => [name, count(name)])).toEqual([
      ['Me', 1],
      ['MyTasks', 1],
      ['Urges', 1],
      ['Dashboard', 1],
      ['UnsignedTaskCount', 1],
    ]);
    // Asked while the app's code was still on its way, and not asked again once it ran.
    expect(events.slice(0, events.indexOf('shell arrived'))).toEqual(
      expect.arrayContaining(['Me', 'MyTasks', 'Urges', 'Dashboard', 'UnsignedTaskCount']),
    );
    // The first-load script is inline in the page (allowed by its hash in the content-security policy).
    expect(scripts.filter((s) => /first-load-/.test(s))).toEqual([]);
    expect(scripts.filter((s) => /echart|office|leadership|plan-|ledger/.test(s))).toEqual([]);
  });
});
