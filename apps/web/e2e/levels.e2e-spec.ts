import type { Browser, Page } from 'playwright-core';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { createTenantWithCli } from './support/cli-tenant.js';
import { screenshot } from './support/browser.js';
import { clickStill, confirm } from './support/page-tools.js';

const JOURNEY = 'levels';
const PASSWORD = 'Lianjie2026ok';
const TENANTS = [
  ['sheng', '某省人民政府办公厅'],
  ['shi', '某市人民政府办公室'],
] as const;

/**
 * 上下联动 in the browser: a province's office invites a city's office with a one-time code, the city's
 * admin opens the invitation link and accepts, both see the link, and the city ends it.
 */
describe('linked tenants: a province links a city', () => {
  let server: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    const createTenants = async (dataDir: string) => {
      for (const [code, name] of TENANTS)
        await createTenantWithCli(dataDir, { code, name, admin: 'admin', password: PASSWORD });
    };
    ({ server, browser } = await startAppAndBrowser({ SEED_DEMO: 'false' }, { before: createTenants }));
  });
  afterAll(() => stopAppAndBrowser({ server, browser }));

  async function signIn(tenant: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(server.url + '/login');
    await page.getByLabel('机构代码').fill(tenant);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }

  it('invites, accepts from the invitation link, shows the link on both sides, and ends it', async () => {
    const province = await signIn('sheng');
    await province.goto(server.url + '/settings?tab=levels');
    await province.getByText('还没有下级机构。', { exact: false }).waitFor();
    await province.getByRole('button', { name: /邀请下级机构/ }).click();
    await province.getByPlaceholder(/备注/).fill('发给某市');
    await clickStill(province.getByRole('button', { name: '生成邀请码' }));
    await province.getByText('邀请码只显示这一次', { exact: false }).waitFor();
    const code = (
      await province
        .locator('strong')
        .filter({ hasText: /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/ })
        .innerText()
    ).trim();
    const link = (
      await province.getByText(`${server.url}/settings?tab=levels&code=`, { exact: false }).innerText()
    ).trim();
    expect(link).toBe(`${server.url}/settings?tab=levels&code=${code}`);
    await screenshot(province, JOURNEY, 'invite-code');
    await province.getByRole('button', { name: '我已记下' }).click();
    await province.getByText('发给某市', { exact: false }).waitFor();

    const city = await signIn('shi');
    await city.goto(link);
    await expect(city.getByLabel('上级机构的邀请码').inputValue()).resolves.toBe(code);
    await city.getByRole('button', { name: '接受邀请' }).click();
    await city.getByText('已关联上级机构：某省人民政府办公厅').waitFor();
    await city.locator('.ant-descriptions').getByText('某省人民政府办公厅').waitFor();
    await screenshot(city, JOURNEY, 'city-linked');

    await province.reload();
    await province.locator('.ant-list-item-meta-title', { hasText: '某市人民政府办公室' }).waitFor();
    expect(await province.getByText('发给某市', { exact: false }).count()).toBe(0);
    await screenshot(province, JOURNEY, 'province-lowers');

    await city.getByRole('button', { name: '解除关联' }).click();
    await confirm(city, '解除关联');
    await city.getByLabel('上级机构的邀请码').waitFor();
    await province.reload();
    await province.getByText('还没有下级机构。', { exact: false }).waitFor();
  });
});
