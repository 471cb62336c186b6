import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { apiAs, leaderApprovesOverHttp } from './support/api-client.js';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { screenshot } from './support/browser.js';
import { clickStill, confirm, moveTo } from './support/page-tools.js';
import { decideEveryName, namesToDecide } from './support/plan-import.js';
import { signIn as signInAs } from './support/session.js';

const FIXTURE = path.resolve('apps/api/src/modules/plan/__tests__/fixtures/liaoning-2021-key-points.txt');
const PASSWORD = 'Duban@2026';
const JOURNEY = 'journey';
const FIRST_REPORT = '已在省政府门户网站发布相关政策解读，详见链接和附件。';
const SECOND_REPORT = '已补充发布截图，相关工作全部完成。';
// A tiny but real PDF: the server checks the type from the content, not the name.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/**
 * The journey the issue names: the office imports the Liaoning 2021 key points and publishes them; the
 * 省发展改革委 liaison reports with a URL and a file (the demo tenant wants the unit leader's approval
 * first); the office returns it, the unit reports again (arranged over HTTP: year.e2e resubmits in the
 * browser), the office accepts; leadership sees the numbers change.
 */
describe('journey: import → publish → report → return → report → accept → leadership', () => {
  let server: AppServer;
  let browser: Browser;
  let planId = '';
  let taskId = '';
  /** "label title" of the task's key point, as the pages print it. */
  let keyPointName = '';
  const INSTRUCTION = '请省发展改革委加快推进，月底前报送进展。';

  beforeAll(async () => {
    ({ server, browser } = await startAppAndBrowser());
  });
  afterAll(() => stopAppAndBrowser({ server, browser }));

  /**
   * The user's page, kept through the file (one tab per person and screen size), loaded afresh for each
   * step on the user's home page or directly on `path`.
   */
  async function signIn(
    username: string,
    {
      viewport = { width: 1366, height: 768 },
      path,
    }: { viewport?: { width: number; height: number }; path?: string } = {},
  ): Promise<Page> {
    const page = await signInAs(browser, server.url, username, { password: PASSWORD, viewport, path, reuse: 'load' });
    return page;
  }

  async function statValue(page: Page, key: string): Promise<number> {
    const text = await page.getByTestId(`stat-${key}`).locator('.ant-statistic-content-value').innerText();
    return Number(text.replace(/[^\d]/g, ''));
  }

  /** The unit home's counts filter the list by light, the search box by key point, both kept in the URL. */
  async function filtersOwnTasks(page: Page) {
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    const key = (
      await Promise.all(['RED', 'YELLOW', 'GREEN'].map(async (k) => [k, await statValue(page, k)] as const))
    ).find(([, n]) => n > 0)![0];
    await page.getByTestId(`stat-${key}`).click();
    await page.waitForURL((url) => url.searchParams.get('light') === key);
    await page.getByTestId('light-filter').waitFor();
    await page.locator(`.ant-table-tbody [data-light=${key}]`).first().waitFor();
    const lights = await rows
      .locator('[data-light]')
      .evaluateAll((tags) => tags.map((t) => t.getAttribute('data-light')));
    expect(lights.length).toBeGreaterThan(0);
    expect(new Set(lights)).toEqual(new Set([key]));
    // Clicking the active count again lists every task.
    await page.getByTestId(`stat-${key}`).click();
    await page.waitForURL((url) => !url.searchParams.has('light'));
    const search = page.getByRole('searchbox', { name: '搜索我的任务' });
    await search.fill('没有这样的工作要点');
    await search.press('Enter');
    await page.getByText('没有符合筛选条件的任务。').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('没有这样的工作要点');
    await search.fill('');
    await search.press('Enter');
    await rows.first().waitFor();
  }

  /** The liaison reports from the task drawer: text, percent, a URL and a file. */
  async function report(page: Page, text: string) {
    await moveTo(page, `/unit?task=${taskId}`);
    await page.getByRole('button', { name: '报送进展' }).click();
    const form = page.getByRole('form', { name: '报送进展' });
    await form.getByLabel('工作进展', { exact: true }).fill(text);
    await form.getByLabel('完成进度', { exact: true }).fill('60');
    await form.getByRole('button', { name: /添加网址/ }).click();
    await form.getByLabel('佐证网址 1', { exact: true }).fill('https://www.ln.gov.cn/zwgk/2021/fgw.html');
    await form
      .locator('input[type=file]')
      .setInputFiles({ name: '公开情况说明.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form.getByText('公开情况说明.pdf').waitFor();
    await form.getByRole('button', { name: /提交报送/ }).waitFor();
    await form.getByRole('button', { name: /提交报送/ }).click();
    // Sent: the drawer lists it waiting for the leader (a toast said so for 3 s; this stays).
    await page.getByTestId('report-card').first().getByText('待分管领导审核').waitFor();
  }

  /** The unit leader approves our report (the demo tenant has other reports waiting too). */
  async function leaderApproves(text: string, shot: string) {
    const page = await signIn('fgw-ld');
    expect(new URL(page.url()).pathname).toBe('/unit');
    await page.getByRole('menuitem', { name: /待审批报送/ }).click();
    const card = page.locator('.ant-card', { hasText: text });
    await card.getByRole('button', { name: /同\s*意/ }).click();
    await screenshot(page, JOURNEY, shot);
    await confirm(page, /同\s*意/);
    // Approved: the report leaves the leader's queue.
    await card.waitFor({ state: 'detached' });
  }

  it('the office imports the Liaoning 2021 key points, resolves the names and publishes', async () => {
    const page = await signIn('ban-admin');
    expect(new URL(page.url()).pathname).toBe('/office');
    await page.getByTestId('tenant-name').waitFor();
    await screenshot(page, JOURNEY, '01-office-home');

    await page.getByRole('menuitem', { name: /工作要点/ }).click();
    await page.waitForURL('**/plans');
    await page.getByRole('button', { name: /导入工作要点/ }).click();
    await page.waitForURL('**/plans/import');
    await page.waitForFunction(() => document.title === '导入工作要点 · 督办');
    await page.locator('input[type=file]').setInputFiles(FIXTURE);
    await screenshot(page, JOURNEY, '02-import-source');
    await page.getByRole('button', { name: /解析并生成草稿/ }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    planId = page.url().split('/').pop()!;
    await page.getByRole('tree', { name: '工作要点' }).waitFor();
    await page.waitForFunction(() => document.title.includes('辽宁省2021年政务公开工作要点'));
    const publish = page.getByRole('button', { name: /发布并生成任务/ });
    expect(await publish.isDisabled()).toBe(true);
    await screenshot(page, JOURNEY, '03-draft-unresolved');

    // Each unit name is decided once for the whole draft: the proposal (a unit kind for a collective
    // name, the closest unit for a misspelt one) when there is one, else dropped (spam in the web copy).
    expect((await namesToDecide(page)).length).toBeGreaterThan(0);
    await decideEveryName(page);
    await expect(publish.isEnabled()).resolves.toBe(true);
    const panel = page.getByTestId('publish-panel');
    await panel.getByText('未识别的单位名称').waitFor();
    await screenshot(page, JOURNEY, '04-draft-resolved');
    await publish.click();
    await page
      .getByRole('dialog')
      .getByText(/将为 \d+ 个单位创建 \d+ 项任务/)
      .waitFor();
    await screenshot(page, JOURNEY, '05-publish-confirm');
    await confirm(page, /发\s*布/);
    await page.waitForURL(/\/ledger\?plan=/);
    await page.locator('tr[data-light]').first().waitFor();
    await page.waitForFunction(() => document.title === '台账 · 督办');
    await screenshot(page, JOURNEY, '06-ledger-after-publish');

    // The task the unit will work on: 省发展改革委's first task in this plan.
    taskId = await page
      .evaluate(async (plan) => {
        const res = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
          body: JSON.stringify({
            query:
              'query($f: TaskFilterInput){ tasks(filter: $f, first: 50){ nodes { id unit { name } keyPoint { label title } } } }',
            variables: { f: { planId: plan, text: '省发展改革委' } },
          }),
        });
        const body = await res.json();
        const task = body.data.tasks.nodes.find((t: { unit: { name: string } }) => t.unit.name === '省发展改革委');
        return { id: task.id as string, keyPoint: `${task.keyPoint.label} ${task.keyPoint.title}` };
      }, planId)
      .then((t) => {
        keyPointName = t.keyPoint;
        return t.id;
      });
    expect(taskId).toMatch(/[0-9a-f-]{36}/);
  });

  let doneBefore = 0;
  it('leadership sees the published plan', async () => {
    const page = await signIn('lingdao');
    expect(new URL(page.url()).pathname).toBe('/leadership');
    await moveTo(page, `/leadership?plan=${planId}`);
    await page.getByRole('img', { name: '各单位任务灯色对比图' }).waitFor();
    doneBefore = (await statValue(page, 'DONE')) + (await statValue(page, 'DONE_LATE'));
    expect(await statValue(page, 'total')).toBeGreaterThan(0);
    await screenshot(page, JOURNEY, '07-leadership-before');
    // 批示 on the unit's key point: the unit reads it on its task.
    await page
      .getByRole('button', { name: `批示：${keyPointName}` })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: `批示：${keyPointName}` });
    await dialog.getByLabel('批示内容').fill(INSTRUCTION);
    await clickStill(dialog.getByRole('button', { name: '提交批示' }));
    await page.getByText('批示已提交').waitFor();
  });

  it('the unit liaison reports with a URL and a file; the unit leader approves', async () => {
    const page = await signIn('fgw-lly');
    expect(new URL(page.url()).pathname).toBe('/unit');
    await page.getByRole('button', { name: /办理/ }).first().waitFor();
    await screenshot(page, JOURNEY, '08-unit-home');
    await filtersOwnTasks(page);
    await moveTo(page, `/unit?task=${taskId}`);
    await page.locator('.ant-drawer').getByTestId('instructions').getByText(INSTRUCTION).waitFor();
    await report(page, FIRST_REPORT);
    await screenshot(page, JOURNEY, '09-unit-reported');
    await leaderApproves(FIRST_REPORT, '10-leader-approval');
  });

  it('the office returns the report with a reason', async () => {
    const page = await signIn('ban-admin');
    // The office home lists reports waiting for review (the demo tenant has one of its own): open ours.
    await page.getByRole('button', { name: '审核 省发展改革委 的报送' }).first().waitFor();
    await screenshot(page, JOURNEY, '11-office-home-review-queue');
    await moveTo(page, `/office?task=${taskId}`);
    const drawer = page.locator('.ant-drawer');
    const card = drawer.getByTestId('report-card').first();
    await card.getByRole('link', { name: /公开情况说明\.pdf/ }).waitFor();
    await card.getByRole('link', { name: 'https://www.ln.gov.cn/zwgk/2021/fgw.html' }).waitFor();
    await screenshot(page, JOURNEY, '11-office-review-drawer');
    await card.getByRole('button', { name: /退\s*回/ }).click();
    const dialog = page.getByRole('dialog', { name: '退回报送' });
    await dialog.getByLabel('退回原因').fill('附件中缺少政策解读的发布截图，请补充。');
    await clickStill(dialog.getByRole('button', { name: /退\s*回/ }));
    await drawer.getByText('退回原因（王主任）：附件中缺少政策解读的发布截图，请补充。').waitFor();
  });

  it('the office accepts, and the task is done', async () => {
    // The unit's second report, claiming completion, and its leader's approval are arranged over HTTP:
    // year.e2e resubmits a returned report in the browser (the reason on top of the drawer, the form
    // starting from the returned report, 已全部完成), and this file's first report and approval above
    // prove the form, the file and the leader's 待审批报送 menu.
    const unit = await apiAs(server.url, 'fgw-lly', PASSWORD);
    const { submitReport } = await unit(
      `mutation($taskId: ID!, $text: String!) { submitReport(taskId: $taskId, input: { text: $text, progress: 100, claimsCompletion: true, evidenceUrls: ["https://www.ln.gov.cn/zwgk/2021/fgw.html"] }) { id version } }`,
      { taskId, text: SECOND_REPORT },
    );
    await leaderApprovesOverHttp(await apiAs(server.url, 'fgw-ld', PASSWORD), submitReport);
    const page = await signIn('ban-admin', { path: `/ledger?plan=${planId}&task=${taskId}` });
    const drawer = page.locator('.ant-drawer');
    await clickStill(drawer.getByRole('button', { name: '审核通过' }));
    await confirm(page, /通\s*过/);
    await drawer.getByText('已完成', { exact: true }).first().waitFor();
    await drawer.getByRole('tab', { name: '时间线' }).click();
    await drawer
      .getByText(/审核通过/)
      .first()
      .waitFor();
    await screenshot(page, JOURNEY, '13-office-accepted');
  });

  it('leadership sees the numbers change, at 1366×768 and 1920×1080', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      const page = await signIn('lingdao', { viewport, path: `/leadership?plan=${planId}` });
      await page.getByRole('img', { name: '各单位平均进度图' }).waitFor();
      // The fixture's time limits are in 2021, so the accepted task counts as done late (逾期完成).
      await page.waitForFunction(
        () => document.querySelector('[data-testid=stat-DONE_LATE] .ant-statistic-content-value') !== null,
      );
      expect((await statValue(page, 'DONE')) + (await statValue(page, 'DONE_LATE'))).toBe(doneBefore + 1);
      await screenshot(page, JOURNEY, `14-leadership-after-${viewport.width}`);
    }
  });

  it('the office amends a published key point: one more unit and a new time limit, with a reason', async () => {
    const page = await signIn('ban-admin', { path: `/plans/${planId}` });
    // The key point the unit worked on: its task has reports, so that unit cannot be removed.
    const amend = page
      .getByRole('treeitem', { name: keyPointName, exact: true })
      .getByRole('button', { name: /^调整要点 / });
    const keyPointId = (await amend
      .locator('xpath=ancestor::div[starts-with(@data-testid, "key-point-")]')
      .getAttribute('data-testid'))!.replace('key-point-', '');
    await amend.click();
    const dialog = page.getByRole('dialog', { name: /^调整工作要点/ });
    const reason = dialog.getByLabel('调整原因');
    await dialog.getByRole('checkbox', { name: /^省发展改革委/ }).check();
    await reason.fill('根据省政府办公厅通知调整承办单位和完成时限。');
    await clickStill(dialog.getByRole('button', { name: '确认调整' }));
    await page.getByText('“省发展改革委”已报送进展，不能移除', { exact: false }).first().waitFor();
    // Refused: the dialog stays open with what was entered, on the reloaded key point.
    expect(await reason.inputValue()).toBe('根据省政府办公厅通知调整承办单位和完成时限。');
    await dialog.getByRole('checkbox', { name: /^省发展改革委/ }).uncheck();
    await dialog.getByLabel('增加承办单位').click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const unitName = (await option.innerText()).trim();
    // The list slides in: a click while it moves can land on no option (or another), and the amendment
    // would then save without the unit. The chosen unit's tag in the field proves the pick.
    await clickStill(option);
    await dialog.locator('.ant-select-selection-item', { hasText: unitName }).waitFor();
    const dueDate = `${new Date().getFullYear() + 1}-03-31`;
    await dialog.getByLabel('新的完成时限').fill(dueDate);
    await dialog.getByLabel('新的完成时限').press('Enter');
    await screenshot(page, JOURNEY, '15-amend-key-point');
    await clickStill(dialog.getByRole('button', { name: '确认调整' }));
    // The dialog closes only once the amendment is saved.
    await dialog.waitFor({ state: 'hidden' });
    // The tree shows the new unit, and the key point's unfinished tasks (the new one included) carry the date.
    await page.getByTestId(`key-point-${keyPointId}`).getByText(unitName).waitFor();
    const tasks = await page.evaluate(async (keyPointId) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: JSON.stringify({
          query:
            'query($f: TaskFilterInput){ tasks(filter: $f, first: 200){ nodes { status dueDate unit { name } } } }',
          variables: { f: { keyPointId } },
        }),
      });
      return (await res.json()).data.tasks.nodes;
    }, keyPointId);
    const added = tasks.find((t: { unit: { name: string } }) => t.unit.name === unitName);
    expect(added).toMatchObject({ dueDate });
    for (const t of tasks.filter((x: { status: string }) => x.status !== 'DONE' && x.status !== 'CLOSED'))
      expect(t.dueDate).toBe(dueDate);
  });
});
