import fs from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { screenshot } from './support/browser.js';
import { clickStill } from './support/page-tools.js';

const PASSWORD = 'Duban@2026';
const JOURNEY = 'review-journey';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The date N days after today in Asia/Shanghai, as the date picker takes it. */
function shanghaiDatePlus(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

/**
 * The office's year end: open a 回头看 of the demo plan, judge one task 落实到位 and one 未落实 (which
 * becomes a 整改 task), download the 通报 draft, and read the scorecard.
 */
describe('review journey: 回头看 → 整改 → 通报 → 考核', () => {
  let server: AppServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser } = await startAppAndBrowser());
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page = await context.newPage();
    await page.goto(server.url + '/login');
    await page.getByLabel('机构代码').fill('demo');
    await page.getByLabel('用户名').fill('ban-admin');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });
  afterAll(() => stopAppAndBrowser({ server, browser }));

  it('opens a 回头看 of the demo plan', async () => {
    await page.getByRole('menuitem', { name: /回头看/ }).click();
    await page.waitForURL('**/reviews');
    // The demo already holds last year's finished 回头看; this journey opens one of this year's plan.
    await page.getByText(/已显示 \d+ \/ \d+ 项/).waitFor();
    await screenshot(page, JOURNEY, '01-review-list');
    await page.getByRole('button', { name: /发起回头看/ }).click();
    const dialog = page.getByRole('dialog', { name: '发起回头看' });
    await clickStill(dialog.getByLabel('要回头看的工作要点'));
    const options = page.locator('.ant-select-dropdown .ant-select-item-option');
    await options.first().waitFor();
    const years = (await options.allInnerTexts()).map((text) => Number(/\d{4}/.exec(text)?.[0] ?? 0));
    const latest = options.nth(years.indexOf(Math.max(...years)));
    const label = (await latest.innerText()).trim();
    // The list slides in: a click while it moves can land on no option; the field showing the plan proves the pick.
    await clickStill(latest);
    await dialog.locator('.ant-select', { hasText: label }).waitFor();
    await clickStill(dialog.getByRole('button', { name: /发\s*起/ }));
    await page.waitForURL(/\/reviews\/[^/]+$/);
    await page
      .getByText(/已评定 0 \/ \d+/)
      .first()
      .waitFor();
    await page
      .getByRole('button', { name: /^评定：/ })
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: /^评定：/ }).count()).toBeGreaterThan(1);
    await screenshot(page, JOURNEY, '02-review-opened');
  });

  it('records 落实到位 and 未落实 with a 整改时限, which creates a 整改 task', async () => {
    await page
      .getByRole('button', { name: /^评定：/ })
      .first()
      .click();
    let form = page.getByRole('form', { name: '回头看评定' });
    await clickStill(form.getByText('落实到位', { exact: true }));
    await form.getByLabel('评定说明').fill('已在政府门户网站政务公开专栏公开。');
    await form.getByRole('button', { name: /保存评定/ }).click();
    await page.getByText('已保存评定').waitFor();
    await page
      .getByText(/已评定 1 \//)
      .first()
      .waitFor();

    await page
      .getByRole('button', { name: /^评定：/ })
      .first()
      .click();
    form = page.getByRole('form', { name: '回头看评定' });
    await clickStill(form.getByText('未落实', { exact: true }));
    // The rule is validated in the form: no 整改时限, no save.
    await form.getByRole('button', { name: /保存评定/ }).click();
    await form.getByText('请选择整改时限').waitFor();
    await screenshot(page, JOURNEY, '03-verdict-needs-rectification');
    const due = shanghaiDatePlus(60);
    await form.getByLabel('整改时限').click();
    await form.getByLabel('整改时限').fill(due);
    await form.getByLabel('整改时限').press('Enter');
    await form.getByLabel('整改要求').fill('补充公开相关政策解读并报送佐证网址。');
    // The first try's errors leave once the fields hold values, after the form's asynchronous validation,
    // and their collapse moves the button up: a press before it and a release after it would click nothing.
    await form.getByText('请选择整改时限').waitFor({ state: 'hidden' });
    await form.getByText('请填写整改要求').waitFor({ state: 'hidden' });
    await clickStill(form.getByRole('button', { name: /保存评定/ }));
    await page.getByText(`已评定，已生成整改任务（时限 ${due}）`).waitFor();
    await page
      .getByText(/已评定 2 \//)
      .first()
      .waitFor();

    // The 整改 task is listed on the item and opens in the task drawer.
    const rectification = page.getByRole('button', { name: /^查看整改任务：/ });
    await rectification.getByText(`整改时限 ${due}`).waitFor();
    await rectification.first().click();
    const drawer = page.getByRole('dialog', { name: '任务详情' });
    await drawer.getByText(due).first().waitFor();
    await screenshot(page, JOURNEY, '04-rectification-task');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: '总结' }).click();
    const rectifications = page.locator('table').filter({ hasText: '整改要求' });
    await rectifications.getByText('补充公开相关政策解读并报送佐证网址。').waitFor();
    await screenshot(page, JOURNEY, '05-review-summary');
  });

  it('downloads the 通报 draft as a real .docx', async () => {
    await page.getByRole('menuitem', { name: /文档导出/ }).click();
    await page.waitForURL('**/documents');
    const button = page.getByRole('button', { name: /下载通报/ });
    await button.waitFor();
    await page.waitForFunction(() => !document.querySelector('button[disabled][data-href*="tongbao"]'));
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/exports/tongbao.docx')),
      page.waitForEvent('download'),
      button.click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(DOCX);
    // The saved file itself is a zip (every .docx is).
    const saved = await fs.readFile((await download.path())!);
    expect(saved.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(saved.length).toBeGreaterThan(1000);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await screenshot(page, JOURNEY, '06-documents');
  });

  it('shows the scorecard as a ranked table', async () => {
    await page.getByRole('menuitem', { name: /考核/ }).click();
    await page.waitForURL('**/scorecard');
    const rows = page.locator('.ant-table-tbody tr[data-row-key]');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(1);
    expect((await rows.first().locator('td').first().innerText()).trim()).toBe('1');
    await page.getByText(/个单位参与排名/).waitFor();
    await screenshot(page, JOURNEY, '07-scorecard');
  });
});
