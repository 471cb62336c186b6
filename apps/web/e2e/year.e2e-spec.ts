import ExcelJS from 'exceljs';
import fs from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs, leaderApprovesOverHttp } from './support/api-client.js';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { screenshot } from './support/browser.js';
import { clickStill, confirm, gql, moveTo } from './support/page-tools.js';
import { decideUnitName, importPastedPlan, namesToDecide, publishDraft } from './support/plan-import.js';
import { DEMO_PASSWORD, signIn, type PageReuse } from './support/session.js';

const JOURNEY = 'year';
const shanghaiToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const TODAY = shanghaiToday();
/** Last year's plan: every time limit has passed, so the year's whole story can be told today. */
const YEAR = Number(TODAY.slice(0, 4)) - 1;
const TITLE = `辽宁省${YEAR}年政务公开工作要点（全年演练）`;
const PLAN = `${TITLE}
一、深化重点领域信息公开
（一）做好重大建设项目信息公开工作，按月更新项目审批和建设进展信息。${YEAR}年6月底前完成。（牵头单位：省发展改革委；责任单位：省财政厅、省直有关部门）
（二）加强政策解读回应，重要政策文件同步发布解读材料。${YEAR}年9月底前完成。（牵头单位：省教育厅；责任单位：沈阳市政府）
二、提升政务公开标准化水平
（三）推进基层政务公开标准化规范化建设，完善公开事项标准目录。（牵头单位：沈阳市政府）
`;
const FIRST_REPORT = '已在省政府门户网站开设重大建设项目专栏，按月更新审批和建设进展。';
const RETURN_REASON = '专栏缺少项目建设进展信息，请补充后重新报送。';
const CLOSE_NOTE = '专栏信息完整，予以销号。';
const REOPEN_REASON = '复核发现专栏十月以来未更新，请继续按月更新。';

/**
 * The office's whole year in the browser (issue 23): import → names → publish → report → the unit
 * leader approves → the office returns → the unit resubmits from its returned report → urge → delay →
 * 调整 → accept → 办结销号 → reopen → 回头看 → scorecard → exports, with what each role sees at each step.
 */
describe('an office’s whole year, end to end', () => {
  let server: AppServer;
  let browser: Browser;
  let planId = '';
  const task: Record<'fgw' | 'syLead' | 'syResp', string> = { fgw: '', syLead: '', syResp: '' };
  let kp3 = '';
  let taskCount = 0;

  beforeAll(async () => {
    ({ server, browser } = await startAppAndBrowser());
  });
  afterAll(() => stopAppAndBrowser({ server, browser }));

  // Each user keeps one page through the file, as one person keeps a browser tab. A step that must see
  // what another user changed since that page last read it loads its first page afresh (`reuse:
  // 'load'`, the default: the app's cache starts over, as after a reload); a step whose pages read only
  // what this page has not read yet (another task's drawer, a page not visited) moves there inside the
  // app (`'move'`), as the user would. Later pages of a step are reached inside the app.
  const as = (
    username: string,
    { width = 1366, path, reuse = 'load' }: { width?: number; path?: string; reuse?: PageReuse } = {},
  ) => signIn(browser, server.url, username, { viewport: { width, height: 900 }, path, reuse });
  const drawerOf = (page: Page) => page.getByRole('dialog', { name: '任务详情' });
  const withTask = (path: string, id: string) => `${path}${path.includes('?') ? '&' : '?'}task=${id}`;
  async function drawerShown(page: Page): Promise<Locator> {
    const drawer = drawerOf(page);
    await drawer.getByRole('tab', { name: /报送记录/ }).waitFor();
    return drawer;
  }
  /** A new step's page for `username`, with the task's drawer open on `path`. */
  async function asOnTask(
    username: string,
    path: string,
    id: string,
    reuse: PageReuse = 'load',
  ): Promise<{ page: Page; drawer: Locator }> {
    const page = await as(username, { path: withTask(path, id), reuse });
    return { page, drawer: await drawerShown(page) };
  }
  /** The task's drawer on `path`, reached inside the app from the page shown. */
  async function openTask(page: Page, path: string, id: string): Promise<Locator> {
    await moveTo(page, withTask(path, id));
    return drawerShown(page);
  }

  async function leaderApproves(text: string, shot: string) {
    const page = await as('fgw-ld');
    // The unit leader is told how many reports wait, in the menu and on the home page.
    await page.getByTestId('leader-queue-count').waitFor();
    await page
      .getByTestId('approvals-waiting')
      .getByText(/有 \d+ 项报送等待您审批/)
      .waitFor();
    await page.getByTestId('approvals-waiting').getByRole('button', { name: '去审批' }).click();
    const card = page.locator('.ant-card', { hasText: text });
    await card.getByRole('button', { name: /同\s*意/ }).click();
    await confirm(page, /同\s*意/);
    // Approved: the report leaves the leader's queue (the toast saying so lasts 3 s; this stays).
    await card.waitFor({ state: 'detached' });
    await screenshot(page, JOURNEY, shot);
  }

  it('the office imports last year’s key points, decides each unit name once (省直有关部门 as the departments) and publishes', async () => {
    const page = await as('ban-admin', { path: '/plans/import' });
    planId = await importPastedPlan(page, server.url, PLAN);
    // 省直有关部门 names no one unit of the directory: it is decided once for the whole draft, as the
    // departments (a group), and remembered for the next import.
    expect(await namesToDecide(page)).toEqual(['省直有关部门']);
    await decideUnitName(page, '省直有关部门', { kind: '部门' });
    expect(await namesToDecide(page)).toEqual([]);
    // Publishing says which units have no liaison yet and that last year's time limits have passed.
    await page
      .getByTestId('publish-warnings')
      .getByText(/个时限已过/)
      .waitFor();
    await publishDraft(page);
    // The ledger lists the plan in document order, every task red: last year's time limits have passed.
    // (一) went to its lead and every department; (二) and (三) to the units they name.
    const rows = page.locator('tr[data-light]');
    await rows.first().waitFor();
    const seen = await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-light'), tr.querySelector('td:nth-child(4)')?.textContent?.trim() ?? '']),
    );
    expect(seen.map(([light]) => light)).toEqual(seen.map(() => 'RED'));
    const units = seen.map(([, unit]) => unit);
    expect(units[0]).toContain('省发展改革委');
    expect(units.slice(1, -3).some((u) => u!.includes('省财政厅'))).toBe(true);
    expect(units.slice(1, -3).length).toBeGreaterThan(10);
    expect(units.slice(-3)).toEqual([
      expect.stringContaining('省教育厅'),
      expect.stringContaining('沈阳市政府'),
      expect.stringContaining('沈阳市政府'),
    ]);
    await screenshot(page, JOURNEY, '01-ledger-published');
    const { tasks } = await gql(
      page,
      `query($f: TaskFilterInput) { tasks(filter: $f, first: 100) { totalCount nodes { id role keyPointId unit { name } keyPoint { label } } } }`,
      { f: { planId } },
    );
    const find = (unit: string, role: string) => tasks.nodes.find((t: any) => t.unit.name === unit && t.role === role);
    task.fgw = find('省发展改革委', 'LEAD').id;
    task.syLead = find('沈阳市政府', 'LEAD').id;
    task.syResp = find('沈阳市政府', 'RESPONSIBLE').id;
    kp3 = find('沈阳市政府', 'LEAD').keyPointId;
    taskCount = tasks.totalCount;
    expect(taskCount).toBe(seen.length);
  });

  it('the liaison reads what is asked and reports; an address without https:// gets it', async () => {
    const page = await as('fgw-lly');
    // The unit's list says which plan and year each task belongs to.
    await page.locator('tr', { hasText: '做好重大建设项目信息公开工作' }).getByText(`${YEAR}年`).first().waitFor();
    const drawer = await openTask(page, '/unit', task.fgw);
    const brief = drawer.getByTestId('task-brief');
    await brief.getByText('按月更新项目审批和建设进展信息').waitFor();
    await brief.getByText(`${YEAR}年6月底前`, { exact: true }).waitFor();
    await brief.getByText('省发展改革委', { exact: true }).waitFor();
    // 省直有关部门 was decided as the departments: each is named among the responsible units.
    await brief.getByText(/(^|、)省财政厅(、|$)/).waitFor();
    await drawer
      .getByText(/已逾期 \d+ 个工作日/)
      .first()
      .waitFor();
    await drawer.getByRole('button', { name: '报送进展' }).click();
    const form = page.getByRole('form', { name: '报送进展' });
    await form.getByLabel('工作进展', { exact: true }).fill(FIRST_REPORT);
    await form.getByLabel('完成进度', { exact: true }).fill('60');
    await form.getByRole('button', { name: /添加网址/ }).click();
    await form.getByLabel('佐证网址 1', { exact: true }).fill('www.ln.gov.cn/zwgk/zdxm/');
    await form.getByLabel('工作进展', { exact: true }).click();
    expect(await form.getByLabel('佐证网址 1', { exact: true }).inputValue()).toBe('https://www.ln.gov.cn/zwgk/zdxm/');
    await screenshot(page, JOURNEY, '02-liaison-report');
    await form.getByRole('button', { name: /提交报送/ }).click();
    await drawer.getByTestId('report-card').first().getByText('待分管领导审核').waitFor();
    await leaderApproves(FIRST_REPORT, '03-leader-approves');
  });

  it('the office returns the report; the liaison resubmits from the returned report, claiming completion', async () => {
    const { page: office, drawer: officeDrawer } = await asOnTask(
      'ban-admin',
      `/ledger?plan=${planId}`,
      task.fgw,
      'move',
    );
    let drawer = officeDrawer;
    await drawer
      .getByTestId('report-card')
      .first()
      .getByRole('button', { name: /退\s*回/ })
      .click();
    const dialog = office.getByRole('dialog', { name: '退回报送' });
    await dialog.getByLabel('退回原因').fill(RETURN_REASON);
    await clickStill(dialog.getByRole('button', { name: /退\s*回/ }));
    await drawer.getByTestId('report-card').first().getByText(`退回原因（王主任）：${RETURN_REASON}`).waitFor();

    const { page, drawer: unitDrawer } = await asOnTask('fgw-lly', '/unit', task.fgw);
    drawer = unitDrawer;
    // The reason stands at the top, and the form starts from what was sent.
    const returned = drawer.getByTestId('return-reason');
    await returned.getByText(new RegExp(RETURN_REASON)).waitFor();
    await returned.getByRole('button', { name: '修改后重新报送' }).click();
    const form = page.getByRole('form', { name: '报送进展' });
    expect(await form.getByLabel('工作进展', { exact: true }).inputValue()).toBe(FIRST_REPORT);
    expect(await form.getByLabel('佐证网址 1', { exact: true }).inputValue()).toBe('https://www.ln.gov.cn/zwgk/zdxm/');
    await screenshot(page, JOURNEY, '04-resubmit-prefilled');
    await form.getByLabel('工作进展', { exact: true }).fill(`${FIRST_REPORT}已补充各项目建设进展信息。`);
    await form.getByRole('checkbox', { name: /已全部完成/ }).check();
    await form.getByRole('button', { name: /提交报送/ }).click();
    await drawer.getByTestId('report-card').first().getByText('待分管领导审核').waitFor();
    // The leader's second approval is arranged over HTTP: the first one above proves the leader's home
    // and queue, journey.e2e approving from the 待审批报送 menu.
    const leader = await apiAs(server.url, 'fgw-ld', DEMO_PASSWORD);
    const { reports } = await leader(
      `query($f: ReportFilter) { reports(filter: $f, first: 1) { nodes { id version } } }`,
      { f: { taskId: task.fgw, status: 'PENDING_LEADER' } },
    );
    await leaderApprovesOverHttp(leader, reports.nodes[0]);
  });

  it('the office urges 沈阳市政府, whose liaison sees it and acknowledges', async () => {
    const { page: office, drawer } = await asOnTask('ban-admin', `/ledger?plan=${planId}`, task.syLead, 'move');
    await drawer.getByRole('button', { name: '催办' }).click();
    await clickStill(
      office.getByRole('dialog', { name: '催办：沈阳市政府' }).getByRole('button', { name: /发出催办/ }),
    );
    await drawer.getByText('已催办 1 次').waitFor();

    const page = await as('sy-lly');
    const alert = page
      .locator('.ant-alert', { hasText: '推进基层政务公开标准化规范化建设' })
      .filter({ hasText: '催办：' });
    await alert.waitFor();
    await screenshot(page, JOURNEY, '06-unit-urged');
    await alert.getByRole('button', { name: '确认收到' }).click();
    await alert.getByRole('button', { name: '确认收到' }).waitFor({ state: 'detached' });
  });

  it('the unit asks a delay for its overdue task: past dates refused, dates from today; the office is warned and approves', async () => {
    const { page, drawer: unitDrawer } = await asOnTask('sy-lly', '/unit', task.syResp, 'move');
    let drawer = unitDrawer;
    await drawer.getByRole('button', { name: '申请延期' }).click();
    const form = page.getByRole('form', { name: '延期申请' });
    await form.getByText(`任务已于 ${YEAR}-09-30 到期`).waitFor();
    await form.getByText(`可选 ${TODAY} 至`, { exact: false }).waitFor();
    const date = form.getByLabel('申请延期至');
    await date.fill(`${YEAR}-10-31`);
    await date.press('Enter');
    await form.getByLabel('延期理由').fill('需与省教育厅联合发布解读材料，前期协调耗时。');
    await form.getByRole('button', { name: /提交申请/ }).click();
    await form.getByText(`申请的完成时限已经过去，请选择 ${TODAY} 或以后的日期`).waitFor();
    expect(await date.inputValue()).toBe(`${YEAR}-10-31`);
    const requested = plusDays(TODAY, 30);
    await date.fill(requested);
    // Enter in the date field submits the form (with the reason already given).
    await date.press('Enter');
    await page.getByText('延期申请已提交，等待办公室审批').waitFor();

    const { page: office, drawer: officeDrawer } = await asOnTask(
      'ban-admin',
      `/ledger?plan=${planId}`,
      task.syResp,
      'move',
    );
    drawer = officeDrawer;
    await drawer.getByRole('tab', { name: /延期申请/ }).click();
    await drawer.getByRole('button', { name: /^批\s*准$/ }).click();
    const decide = office.getByRole('dialog', { name: `批准延期至 ${requested}？` });
    await decide.waitFor();
    await decide.getByText(`单位申请时任务已逾期（原定 ${YEAR}-09-30）`).waitFor();
    await screenshot(office, JOURNEY, '07-approve-delay-warned');
    await clickStill(decide.getByRole('button', { name: /批\s*准/ }));
    await drawer.getByText(`（原定 ${YEAR}-09-30）`).waitFor();
    expect(await drawer.getByText(requested).count()).toBeGreaterThan(0);
    // Relit at once: the new date is a month away.
    await drawer.locator('[data-light]').first().waitFor();
    expect(await drawer.locator('[data-light]').first().getAttribute('data-light')).not.toBe('RED');
  });

  it('the office amends a key point’s time limit (调整): its red tasks are relit at once', async () => {
    const page = await as('ban-admin', { path: `/plans/${planId}` });
    await page.getByTestId(`key-point-${kp3}`).getByRole('button', { name: /调整/ }).click();
    const dialog = page.getByRole('dialog', { name: /^调整工作要点/ });
    await dialog.getByLabel('调整原因').fill('根据省政府办公厅通知，基层标准化工作延至明年底完成。');
    await dialog.getByLabel('新的完成时限').fill(`${YEAR + 2}-06-30`);
    await dialog.getByLabel('新的完成时限').press('Enter');
    await clickStill(dialog.getByRole('button', { name: '确认调整' }));
    // The dialog closes only once the amendment is saved.
    await dialog.waitFor({ state: 'hidden' });
    await moveTo(page, `/ledger?plan=${planId}`);
    const row = page.locator('tr[data-row-key]', { hasText: '推进基层政务公开标准化规范化建设' });
    await row.getByText(`${YEAR + 2}-06-30`).waitFor();
    expect(await row.getAttribute('data-light')).not.toBe('RED');
    await screenshot(page, JOURNEY, '08-ledger-after-amend');
  });

  it('the office accepts the completion, closes it from the ledger with a note, and reopens it with a reason', async () => {
    const { page, drawer: accepting } = await asOnTask('ban-admin', `/ledger?plan=${planId}`, task.fgw);
    let drawer = accepting;
    await clickStill(drawer.getByRole('button', { name: '审核通过' }));
    await confirm(page, /通\s*过/);
    // Accepted: the report says so for good (the toast lasts 3 s, and a loaded machine may look later).
    await drawer.getByTestId('report-card').first().getByText('已通过', { exact: true }).waitFor();
    // Finished after last June: 逾期完成 once, and how late it was finished, not "已逾期".
    await drawer.getByText(/逾期 \d+ 个工作日完成/).waitFor();
    // The tag comes with the task's refetch, which may land after the review's own answer.
    await drawer.locator('.ant-tag', { hasText: '逾期完成' }).first().waitFor();
    expect(await drawer.locator('.ant-tag', { hasText: '逾期完成' }).count()).toBe(1);
    await moveTo(page, `/ledger?plan=${planId}`);
    await page.getByRole('checkbox', { name: /选择 省发展改革委 [（(]一[)）] 办结销号/ }).check();
    await page.getByRole('button', { name: /办结销号（1）/ }).click();
    const dialog = page.getByRole('dialog', { name: '办结销号 1 项任务' });
    await dialog.getByLabel('销号说明（可选）').fill(CLOSE_NOTE);
    await clickStill(dialog.getByRole('button', { name: /确认销号/ }));
    await dialog.waitFor({ state: 'hidden' });

    drawer = await openTask(page, `/ledger?plan=${planId}`, task.fgw);
    await drawer.getByText('已办结销号', { exact: true }).first().waitFor();
    await drawer.getByText(new RegExp(CLOSE_NOTE)).waitFor();
    await screenshot(page, JOURNEY, '09-closed');
    await drawer.getByRole('button', { name: '重新打开' }).click();
    const reopen = page.getByRole('dialog', { name: '重新打开任务' });
    await reopen.getByLabel('重新打开的原因').fill(REOPEN_REASON);
    await clickStill(reopen.getByRole('button', { name: /重新打开/ }));
    await drawer.getByRole('button', { name: '重新打开' }).waitFor({ state: 'detached' });

    const { page: unit, drawer: unitDrawer } = await asOnTask('fgw-lly', '/unit', task.fgw);
    drawer = unitDrawer;
    await drawer.getByText('推进中', { exact: true }).first().waitFor();
    await drawer.getByRole('tab', { name: '操作记录' }).click();
    await drawer.getByText('任务 · 重新打开').waitFor();
    await drawer.getByText(REOPEN_REASON).waitFor();
    await screenshot(unit, JOURNEY, '10-unit-sees-reopen');
  });

  it('回头看 reviews every task of the plan; the office takes one out with a reason', async () => {
    const page = await as('ban-admin', { path: '/reviews', reuse: 'move' });
    await page.getByRole('button', { name: /发起回头看/ }).click();
    const dialog = page.getByRole('dialog', { name: '发起回头看' });
    await dialog.getByLabel('要回头看的工作要点').click();
    // The list slides in: a click while it moves can land on no option; the field showing the plan proves the pick.
    await clickStill(page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: TITLE }));
    await dialog.locator('.ant-select', { hasText: TITLE }).waitFor();
    await clickStill(dialog.getByRole('button', { name: /发\s*起/ }));
    await page.waitForURL(/\/reviews\/[^/]+$/);
    // Every task, the key point without a time limit too.
    await page.getByText(new RegExp(`计划的全部 ${taskCount} 项任务逐项评定`)).waitFor();
    await page.getByRole('button', { name: /^不纳入：省教育厅 加强政策解读回应/ }).click();
    const out = page.getByRole('dialog', { name: '不纳入本次回头看' });
    await out.getByLabel('理由').fill('该项解读工作已并入省政府统一部署。');
    await clickStill(out.getByRole('button', { name: /不纳入/ }));
    await out.waitFor({ state: 'hidden' });
    await page
      .getByText(`已评定 0 / ${taskCount - 1}`)
      .first()
      .waitFor();
    await page.getByText('不纳入 1').waitFor();
    await screenshot(page, JOURNEY, '11-review');
  });

  it('leadership reads the scorecard by rates, how a score was made, and the charts of every unit', async () => {
    const page = await as('lingdao', { width: 1440, path: `/scorecard?year=${YEAR}` });
    await page
      .getByTestId('tie-break')
      .getByText(/得分相同时，依次比较按时完成率/)
      .waitFor();
    const rows = page.locator('.ant-table-tbody tr[data-row-key]');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(4);
    await page.getByRole('button', { name: /^省发展改革委得分 .*查看得分构成$/ }).hover();
    const made = page.getByRole('table', { name: '省发展改革委得分构成' });
    await made.getByText('按时完成率').waitFor();
    await made.getByText('合计（牵头任务在各比率中按倍数计）').waitFor();
    await screenshot(page, JOURNEY, '12-scorecard-breakdown');
    await moveTo(page, `/leadership?plan=${planId}`);
    // (一) went to every department: more units than a chart shows at once, and the page says so.
    const coverage = page.getByTestId('chart-coverage');
    await coverage.getByText(/图中显示问题最多的 15 个单位，另有 \d+ 个单位未显示。/).waitFor();
    await coverage.getByRole('button', { name: /显示全部 \d+ 个单位/ }).click();
    await coverage.getByText(/图中显示全部 \d+ 个单位。/).waitFor();
  });

  it('the office exports the 台账 and the 考核, printable, named after the plan and the date', async () => {
    const page = await as('ban-admin', { path: `/ledger?plan=${planId}`, reuse: 'move' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出台账/ }).click(),
    ]);
    // Named with the server's day when it wrote the file: the file's run may have crossed midnight in Shanghai.
    const days = () => [TODAY, shanghaiToday()];
    expect(days().map((day) => `${TITLE}台账（${day}）.xlsx`)).toContain(download.suggestedFilename());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await fs.readFile((await download.path())!)) as never);
    const sheet = book.worksheets[0];
    expect(String(sheet.getCell('A1').value)).toContain(TITLE);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '2:2' });
    const fgw = sheet.getRows(3, sheet.rowCount - 2)!.find((r) => r.getCell(4).value === '省发展改革委')!;
    expect(String(fgw.getCell(2).value)).toMatch(/^[（(]一[)）]$/);
    expect(String(fgw.getCell(10).value)).toContain('已补充各项目建设进展信息');
    expect(String(fgw.getCell(12).value)).toContain(RETURN_REASON);

    await moveTo(page, `/scorecard?year=${YEAR}`);
    await page.locator('.ant-table-tbody tr[data-row-key]').first().waitFor();
    const [scores] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 xlsx/ }).click(),
    ]);
    expect(days().map((day) => `${YEAR}年政务公开工作考核排名（${day}）.xlsx`)).toContain(scores.suggestedFilename());
  });
});
