import type { Browser, Page } from 'playwright-core';
import { createTenantWithCli } from './support/cli-tenant.js';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { screenshot } from './support/browser.js';
import { clickStill, confirm } from './support/page-tools.js';
import { importPastedPlan } from './support/plan-import.js';
import { signIn } from './support/session.js';

const JOURNEY = 'levels-key-points';
const PASSWORD = 'Lianjie2026ok';
const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
// The city's own key points, worded after the demo province's published ones (规划信息, 财政信息).
const CITY_PLAN = `某市${YEAR}年政务公开工作要点
一、深化重点领域信息公开
（一）全面公开各类规划信息。在市政府门户网站政府信息公开专栏全面公开本市国民经济和社会发展规划、国土空间规划和专项规划。（牵头单位：市发展改革委）
（二）深化财政信息公开。稳步扩大预决算公开范围，推动部门所属单位预算、决算公开。（牵头单位：市财政局）`;

/**
 * 上下联动, step 2, in the browser: the demo province's office invites a city, the city accepts, imports
 * its own plan and sees Duban's proposed upper key points in the wizard, confirms one, and can start a
 * draft from the province's plan.
 */
describe('key points linked to the level above: the city confirms a proposed link', () => {
  let server: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    const createCity = (dataDir: string) =>
      createTenantWithCli(dataDir, { code: 'shi', name: '某市人民政府办公室', admin: 'admin', password: PASSWORD });
    ({ server, browser } = await startAppAndBrowser({}, { before: createCity }));
  });
  afterAll(() => stopAppAndBrowser({ server, browser }));

  async function signInCity(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(server.url + '/login');
    await page.getByLabel('机构代码').fill('shi');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }

  it('links the city, proposes the province key points in the import wizard, and keeps the one the city confirms', async () => {
    const province = await signIn(browser, server.url, 'ban-admin', { path: '/settings?tab=levels' });
    await province.getByRole('button', { name: /邀请下级机构/ }).click();
    // The dialog zooms in: a click while it moves can land on the mask, which closes it.
    await clickStill(
      province.getByRole('dialog', { name: '邀请下级机构' }).getByRole('button', { name: '生成邀请码' }),
    );
    const link = (
      await province.getByText(`${server.url}/settings?tab=levels&code=`, { exact: false }).innerText()
    ).trim();

    const city = await signInCity();
    // Before the link the city has nothing to start from.
    await city.goto(server.url + '/plans');
    await city.getByRole('button', { name: /导入工作要点/ }).waitFor();
    expect(await city.getByRole('button', { name: /据上级要点起草/ }).count()).toBe(0);
    await city.goto(link);
    await city.getByRole('button', { name: '接受邀请' }).click();
    await city.getByText(/已关联上级机构/).waitFor();

    await importPastedPlan(city, server.url, CITY_PLAN);
    const card = city.locator('.ant-card').filter({ hasText: '对应上级要点' });
    await card.getByText('已关联 0/2 项').waitFor();
    const first = card.getByRole('listitem', { name: /要点 \(一\) 的上级要点/ });
    await first.getByText(/建议 .*全面公开各类规划信息/).waitFor();
    await screenshot(city, JOURNEY, 'proposals');
    await first.getByRole('button', { name: '采纳' }).first().click();
    await first.getByLabel(/删除关联 .*全面公开各类规划信息/).waitFor();
    expect(await first.getByText(/^建议 /).count()).toBe(0);
    await card.getByText('已关联 1/2 项').waitFor();
    await screenshot(city, JOURNEY, 'confirmed');

    // The link is kept: a reload shows it confirmed, and the plan list offers a draft from the province's plan.
    await city.reload();
    await city.locator('.ant-card').filter({ hasText: '对应上级要点' }).getByText('已关联 1/2 项').waitFor();
    await city.goto(server.url + '/plans');
    await city.getByRole('button', { name: /据上级要点起草/ }).click();
    await confirm(city, /^起\s*草$/);
    await city.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await city
      .getByText(/据上级《/)
      .first()
      .waitFor();
    await city
      .locator('.ant-card')
      .filter({ hasText: '对应上级要点' })
      .getByText(/已关联 (\d+)\/\1 项/)
      .waitFor();
    await screenshot(city, JOURNEY, 'draft-from-upper');
  });
});
