import fs from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { screenshot } from './support/browser.js';
import { clickStill, gql } from './support/page-tools.js';
import { signIn } from './support/session.js';

const JOURNEY = 'levels-rollup';
const CITY = '大连市人民政府办公室（演示）';
const OTHER_CITY = '鞍山市人民政府办公室（演示）';
// Unique to this run, so the journey's urge is told apart from the ones the demo already holds.
const MESSAGE = `请于本周内报送落实进展（${Date.now().toString(36)}）`;

/**
 * 上下联动, the province's side in the browser, on the demo (two linked cities with plans, links and
 * tasks): the province's office reads coverage and a gap, drills down into a city's key point
 * read-only, urges the city; the city's office signs for it under 上级催办; the province is notified and
 * its 催办记录 shows it signed for; the city shares report files and the province downloads one. Every wait is on what the server stored (a reload or a refetched list), never
 * on a transient toast.
 */
describe('下级落实: the province reads the cities coverage, drills down, urges, hears the city sign for it, downloads a shared file', () => {
  let server: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startAppAndBrowser());
  });
  // Closing the browser closes every context the journey opened.
  afterAll(() => stopAppAndBrowser({ server, browser }));

  // Tabs keep the panes they showed; role queries skip the hidden ones.
  const activePane = (page: Page) => page.getByRole('tabpanel');
  const openMenu = async (page: Page, label: string) => {
    await page.getByRole('menuitem', { name: new RegExp(`^\\S*\\s*${label}$`) }).click();
    await page.getByRole('heading', { name: label, level: 3 }).waitFor();
  };

  it('coverage, drill-down, 催办下级, 签收 and its notice, the 催办记录, a shared file downloaded', async () => {
    const province = await signIn(browser, server.url, 'ban-staff');
    await openMenu(province, '下级落实');

    // 覆盖情况: the heat map, each city's share (consistent with its count) and the demo's gap.
    const { lowerCoverage } = await gql<{
      lowerCoverage: { points: { label: string; title: string }[] };
    }>(province, `query { lowerCoverage { points { label title } } }`);
    const points = lowerCoverage.points;
    expect(points.length).toBeGreaterThan(2);
    const coverage = activePane(province);
    await coverage.locator('.ant-card').filter({ hasText: '各下级机构覆盖率' }).waitFor();
    // ECharts draws into a canvas inside the labelled box once its chunk has loaded.
    await coverage.locator('[role="img"][aria-label*="覆盖热力图"] canvas').first().waitFor({ state: 'attached' });
    const shareOf = async (city: string) => {
      const row = coverage.locator('.ant-table-row').filter({ hasText: city });
      const [, covered, total] = /(\d+) \/ (\d+)/.exec(await row.innerText())!.map(Number);
      expect(total).toBe(points.length);
      await row
        .locator('.ant-progress-indicator, .ant-progress-text')
        .getByText(`${Math.round((covered! / total!) * 100)}%`)
        .waitFor();
      return covered!;
    };
    const cityCovered = await shareOf(CITY);
    // 大连 takes up about 80% of the province's key points, 鞍山 about half, and neither all of them.
    expect(cityCovered).toBeGreaterThan(await shareOf(OTHER_CITY));
    expect(cityCovered).toBeLessThan(points.length);
    // Nobody took up the province's last key point: it is the gap, for everyone and for the city.
    const last = points[points.length - 1]!;
    const gaps = coverage.locator('.ant-card').filter({ hasText: '缺口' });
    await gaps.getByText(/^无下级机构对应的工作要点（[1-9]\d*）$/).waitFor();
    await gaps
      .getByRole('listitem')
      .filter({ hasText: `${last.label} ${last.title}` })
      .waitFor();
    await gaps.locator('.ant-typography').filter({ hasText: CITY }).filter({ hasText: last.title }).waitFor();
    await screenshot(province, JOURNEY, 'coverage');

    // 落实汇总 → the first key point (every city took it up), drilled down read-only.
    await province.getByRole('tab', { name: '落实汇总' }).click();
    const first = points[0]!;
    const rollup = activePane(province);
    const row = rollup
      .locator('tr.ant-table-row')
      .filter({ hasText: `${first.label} ${first.title}` })
      .first();
    await row.getByText('2 / 2').waitFor();
    await row.getByRole('button', { name: '展开行' }).click();
    const detail = rollup.locator('tr.ant-table-expanded-row').first();
    const cityPoint = detail.locator('div').filter({
      has: province.getByText(`${CITY}：`, { exact: false }),
      hasText: `结合大连市实际，${first.title}`,
    });
    const taskRow = cityPoint.locator('.ant-table-tbody tr.ant-table-row').first();
    await taskRow.waitFor();
    const cells = await taskRow.locator('td').allInnerTexts();
    // 承办单位, 状态, 灯色, 完成时限, 最近报送, 共享的报送 (the demo city shares nothing)
    expect(cells[0]).toBe('市发展改革委');
    // the demo city's tasks are written at these three stages
    expect(cells[1]).toMatch(/^(未开始|推进中|已完成)$/);
    expect(cells[3]).toMatch(/^\d{4}-\d{2}-\d{2}( 已逾期)?$/);
    expect(cells[5]).toBe('未共享');
    // Read-only: nothing in the drill-down edits the city's tasks.
    expect(await detail.locator('button, input, textarea, a[href]').count()).toBe(0);
    await screenshot(province, JOURNEY, 'drill-down');

    // 催办下级 about that key point, to the city alone (the dialog preselects the lagging cities).
    await row.getByRole('button', { name: /催办下级/ }).click();
    const dialog = province.getByRole('dialog');
    const select = dialog.getByLabel('下级机构');
    await clickStill(select);
    while ((await dialog.locator('.ant-select-selection-item').count()) > 0) await select.press('Backspace');
    // The list slides in: a click while it moves can land on no option; the city's tag proves the pick.
    await clickStill(province.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: CITY }));
    await dialog.locator('.ant-select-selection-item', { hasText: CITY }).waitFor();
    // Closes the list without Escape, which would close the dialog as well.
    await dialog.locator('.ant-modal-title').click();
    expect(await dialog.locator('.ant-select-selection-item').allInnerTexts()).toEqual([expect.stringContaining(CITY)]);
    await dialog.getByLabel('催办内容').fill(MESSAGE);
    await clickStill(dialog.getByRole('button', { name: '发出催办' }));
    await dialog.waitFor({ state: 'detached' });

    // Stored: a reload of 催办记录 lists it, not yet signed for.
    await province.goto(server.url + '/levels?view=urges');
    const record = activePane(province).locator('tr.ant-table-row').filter({ hasText: MESSAGE });
    await record.getByText('未签收').waitFor();
    expect(await record.innerText()).toContain(CITY);
    expect(await record.innerText()).toContain(first.title);

    // The city's office finds it under 上级催办 with what the province saw, and signs for it.
    const city = await signIn(browser, server.url, 'ban-staff', { tenant: 'demo-dl' });
    await openMenu(city, '上级催办');
    const urge = city.locator('.ant-card').filter({ hasText: MESSAGE });
    await urge.getByText(/上级看到的落实情况：对应工作要点 \d+ 项，任务 \d+ 项/).waitFor();
    await urge.getByRole('link', { name: new RegExp(`结合大连市实际，${first.title}`) }).waitFor();
    await screenshot(city, JOURNEY, 'city-inbox');
    const { notifications } = await gql<{ notifications: { totalCount: number } }>(
      province,
      `query { notifications(kinds: [UPPER_URGE_ACKNOWLEDGED], first: 1) { totalCount } }`,
    );
    const signedBefore = notifications.totalCount;
    await urge.getByRole('button', { name: /签\s*收/ }).click();
    await urge.getByText(/^已签收 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 大连市办公室科员$/).waitFor();
    await city.reload();
    await city
      .locator('.ant-card')
      .filter({ hasText: MESSAGE })
      .getByText(/^已签收 /)
      .waitFor();

    // The province hears of the 签收 (a notice beside the demo's earlier one), and its link opens 催办记录.
    await province.goto(server.url + '/notifications');
    const notices = province.locator('tr.ant-table-row').filter({ hasText: `下级已签收催办：${first.label}` });
    await notices.nth(signedBefore).waitFor();
    expect(await notices.count()).toBe(signedBefore + 1);
    await screenshot(province, JOURNEY, 'signed-notice');
    await notices
      .first()
      .getByRole('button', { name: /^去处理：下级已签收催办/ })
      .click();
    await province.waitForURL('**/levels?view=urges');
    // The province's 催办记录 shows it signed for, by whom.
    const signed = activePane(province).locator('tr.ant-table-row').filter({ hasText: MESSAGE });
    await signed.getByText(/^已签收 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 大连市办公室科员$/).waitFor();
    await screenshot(province, JOURNEY, 'urge-signed');

    // The city's office admin shares report files upward (系统设置 → 上下级联动 → 向上级共享) ...
    const cityAdmin = await signIn(browser, server.url, 'ban-admin', { tenant: 'demo-dl' });
    await cityAdmin.goto(server.url + '/settings?tab=levels');
    const shareFiles = cityAdmin.getByRole('switch', { name: '共享附件' });
    await shareFiles.click();
    await cityAdmin.getByRole('switch', { name: '共享附件', checked: true }).waitFor();
    // ... and the province downloads the file of the city's accepted report from the drill-down.
    await province.goto(server.url + '/levels?view=rollup');
    const again = activePane(province)
      .locator('tr.ant-table-row')
      .filter({ hasText: `${first.label} ${first.title}` })
      .first();
    await again.getByRole('button', { name: '展开行' }).click();
    const fileLink = activePane(province)
      .locator('tr.ant-table-expanded-row')
      .first()
      .getByRole('link', { name: '大连市政策解读落实情况.txt' });
    const [download] = await Promise.all([province.waitForEvent('download'), fileLink.click()]);
    expect(download.suggestedFilename()).toBe('大连市政策解读落实情况.txt');
    expect(await fs.readFile((await download.path())!, 'utf8')).toContain('大连市政策解读专栏更新情况');
    await screenshot(province, JOURNEY, 'shared-file');
  });
});
