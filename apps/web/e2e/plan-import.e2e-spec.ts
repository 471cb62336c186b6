import type { Browser, Page } from 'playwright-core';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { screenshot } from './support/browser.js';
import { gql } from './support/page-tools.js';
import {
  decideUnitName,
  importPastedPlan,
  markSourceLine,
  namesToDecide,
  publishDraft,
} from './support/plan-import.js';
import { signIn } from './support/session.js';

const JOURNEY = 'plan-import';
// Last year's arrangement, imported late: every time limit has passed.
const YEAR =
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) - 1;
const TRAINING = `各地区各部门要在9月底前组织开展政务公开业务培训，确保培训覆盖全部联络员。（牵头单位：省政府办公厅；责任单位：省直有关部门）`;
const DOCUMENT = `辽宁省人民政府办公厅关于印发${YEAR}年政务公开重点工作安排的通知
辽政办发〔${YEAR}〕99号
各市人民政府，省政府各厅委、各直属机构：
现将《${YEAR}年政务公开重点工作安排》印发给你们，请认真贯彻落实。
${TRAINING}
${YEAR}年政务公开重点工作安排
一、加强政策解读
（一）做好重大政策解读。6月底前完成。（牵头单位：省发展改革委；责任单位：省直有关部门、各市人民政府）
（二）做好财政预决算公开。（牵头单位：省财政厅；责任单位：省直有关部门）
二、推进基层政务公开
（三）推进基层政务公开标准化。年底前完成。（牵头单位：省政府办公厅；责任单位：各市人民政府、即时比分）`;

/**
 * The office imports an arrangement whose names the directory does not hold as written: it decides
 * 省直有关部门 once as "the departments" and drops a spam string, marks the training requirement the
 * parser left in the notice as a key point, and publishes knowing which units have no liaison account
 * and that every time limit is past. Importing the same document again points to the plan.
 */
describe('plan import: names decided once, a line marked as a key point, publishing with warnings', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;
  let planId = '';

  beforeAll(async () => {
    ({ server, browser } = await startAppAndBrowser());
    page = await signIn(browser, server.url, 'ban-admin');
    // The demo gives every unit a liaison: 大连市政府's is 停用 here, so one unit of the plan has none.
    const { users } = await gql(
      page,
      'query { users(filter: { search: "dl-lly" }, first: 5) { nodes { id username version } } }',
    );
    const liaison = users.nodes.find((u: { username: string }) => u.username === 'dl-lly');
    await gql(
      page,
      'mutation($id: ID!, $v: Int!) { updateUser(id: $id, input: { active: false }, version: $v) { id } }',
      { id: liaison.id, v: liaison.version },
    );
  });
  afterAll(() => stopAppAndBrowser({ server, browser }));

  it('imports the pasted document as a draft and lists each unit name to decide once', async () => {
    planId = await importPastedPlan(page, server.url, DOCUMENT);
    await page.waitForFunction((y) => document.title.includes(`${y}年政务公开重点工作安排`), YEAR);
    expect(await namesToDecide(page)).toEqual(['省直有关部门', '即时比分']);
    await expect(page.getByTestId('unresolved-names').innerText()).resolves.toBe('2 个（出现 3 处）');
    expect(await page.getByRole('button', { name: /发布并生成任务/ }).isDisabled()).toBe(true);
    // The default due date reads in full in its box (it used to be cut off).
    const due = page.getByLabel('要点 (二) 截止日期');
    expect(await due.getAttribute('placeholder')).toBe(`${YEAR}-12-31（默认）`);
    expect(await due.evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth)).toBe(true);
    await screenshot(page, JOURNEY, '01-draft-names-to-decide');
  });

  it('maps 省直有关部门 to every department at once, and drops a spam string', async () => {
    await page.getByTestId('unit-names-panel').getByRole('button', { name: '确认单位名称 省直有关部门' }).click();
    const dialog = page.getByRole('dialog', { name: '单位名称：省直有关部门' });
    // A collective name comes with its kind proposed, and no "closest unit" guess.
    expect(await dialog.getByRole('radio', { name: /对应到一类单位/ }).isChecked()).toBe(true);
    await dialog.getByText(/省发展改革委、.*等 \d+ 个单位/).waitFor();
    await screenshot(page, JOURNEY, '02-decide-by-kind');
    await page.keyboard.press('Escape');
    const row = await decideUnitName(page, '省直有关部门', { kind: '部门' });
    await decideUnitName(page, '即时比分', 'drop');
    expect(await namesToDecide(page)).toEqual([]);
    // Decided names fold away, each saying what it stands for and that it is remembered.
    await page
      .getByTestId('unit-names-panel')
      .getByText(/^已对应的名称 \d+ 个$/)
      .click();
    await row.getByText(/→ 部门（\d+ 个单位）/).waitFor();
    await row.getByText('已记住').waitFor();
    // Both key points that wrote the name now list the departments; (二) keeps 省财政厅 as lead.
    const second = page.getByRole('treeitem', { name: /^\(二\)/ });
    await second.getByText('牵头·省财政厅').waitFor();
    expect(await second.getByText(/^责任·省/).count()).toBeGreaterThan(10);
    expect(
      await page
        .getByRole('treeitem', { name: /^\(三\)/ })
        .getByText('即时比分')
        .count(),
    ).toBe(0);
    // A name the parser placed (各市人民政府 → every city) is decided again: only two cities are meant.
    await decideUnitName(page, '各市人民政府', { units: ['沈阳市政府', '大连市政府'] });
    for (const name of [/^\(一\)/, /^\(三\)/]) {
      const item = page.getByRole('treeitem', { name });
      await item.getByText('责任·沈阳市政府').waitFor();
      expect(await item.getByText(/^责任·.+市政府$/).allInnerTexts()).toEqual(['责任·沈阳市政府', '责任·大连市政府']);
    }
    await screenshot(page, JOURNEY, '03-names-decided');
  });

  it('marks the training requirement left in the notice as a key point, read with its units and time limit', async () => {
    await markSourceLine(page, '组织开展政务公开业务培训', '要点');
    const marked = page.getByRole('treeitem', { name: /组织开展政务公开业务培训/ });
    await marked.waitFor();
    await marked.getByText('牵头·省政府办公厅').waitFor();
    // 省直有关部门 was decided a minute ago: the marked line places it the same way.
    expect(await marked.getByText(/^责任·省/).count()).toBeGreaterThan(10);
    await marked.getByText('「9月底前」').waitFor();
    expect(await marked.getByLabel('时限“9月底前”对应日期').inputValue()).toBe(`${YEAR}-09-30`);
    await screenshot(page, JOURNEY, '04-line-marked');
  });

  it('publishes after saying which units have no liaison account and which time limits are past', async () => {
    const warnings = page.getByTestId('publish-warnings');
    await warnings.getByText(/个单位还没有联络员账号/).waitFor();
    await warnings.getByText(/大连市政府/).waitFor();
    await warnings.getByText(`4 个时限已过（最早 ${YEAR}-06-30）`).waitFor();
    await screenshot(page, JOURNEY, '05-publish-warnings');
    await publishDraft(page, async (confirm) => {
      const text = await confirm.innerText();
      expect(text).toMatch(/已开通联络员账号的 \d+ 个单位可在“我的任务”中看到/);
      expect(text).not.toContain('各单位联络员即可');
      expect(text).toContain('发布后其任务即为逾期（红灯）');
      await screenshot(page, JOURNEY, '06-publish-confirm');
    });
    await page.locator('tr[data-light=RED]').first().waitFor();
  });

  it('importing the same document again points to the plan instead of making a second draft', async () => {
    await page.goto(`${server.url}/plans/import`);
    await page.getByRole('tab', { name: '粘贴文本' }).click();
    await page.getByLabel('工作要点全文').fill(DOCUMENT);
    await page.getByRole('button', { name: /解析并生成草稿/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: '已导入过' });
    await alert.getByText(`文号“辽政办发〔${YEAR}〕99号”已导入过`).waitFor();
    await screenshot(page, JOURNEY, '07-duplicate');
    await alert.getByRole('button', { name: /打开《/ }).click();
    await page.waitForURL(`**/plans/${planId}`);
  });
});
