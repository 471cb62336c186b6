import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { createTenantWithCli } from './support/cli-tenant.js';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { screenshot } from './support/browser.js';
import { clickStill, moveTo } from './support/page-tools.js';

const JOURNEY = 'onboarding';
const TENANT = 'yunnan';
const ADMIN_PASSWORD = 'Kaiban2026ok';
const UNITS = 60;
/** The last units get a leader but no liaison in the account sheet: the coverage view must name them. */
const WITHOUT_LIAISON = 5;
const KINDS = ['省直部门', '省直部门', '州政府', '市（州）政府', '中直驻省单位', '部门'];

const unitName = (i: number) => (i % 10 === 2 ? `第${i}州人民政府` : `省第${i}厅`);
const unitAlias = (i: number) => (i % 10 === 2 ? `第${i}州` : `第${i}厅`);

/** A directory as offices keep it: a title row above the header, 类型 in their own words. */
async function directorySheet(file: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名录');
  ws.addRow(['云南省政务公开工作承办单位名录（2027年）']);
  ws.addRow(['序号', '单位名称', '类型', '别名', '排序']);
  for (let i = 1; i <= UNITS; i++)
    ws.addRow([i, unitName(i), i % 10 === 2 ? KINDS[2 + (i % 2)] : KINDS[i % 6 === 4 ? 4 : 0], unitAlias(i), i * 10]);
  await wb.xlsx.writeFile(file);
}

/** 120 people: a liaison and a leader for most units (named by alias), leaders only for the last few, office staff. */
async function accountSheet(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('账号');
  ws.addRow(['单位', '姓名', '角色', '手机', '邮箱', '用户名']);
  let people = 0;
  const surname = '赵钱孙李周吴郑王冯陈';
  for (let i = 1; i <= UNITS; i++) {
    if (i <= UNITS - WITHOUT_LIAISON) {
      ws.addRow([unitAlias(i), `${surname[i % 10]}联${i}`, '联络员', `1390000${String(i).padStart(4, '0')}`, '', '']);
      people++;
    }
    ws.addRow([unitName(i), `${surname[(i + 3) % 10]}领${i}`, '分管领导', '', '', '']);
    people++;
  }
  for (let i = 1; people < 120; i++, people++)
    ws.addRow(['', `办公室${i}号`, '工作人员', '', `staff${i}@example.gov.cn`, `gkb${i}`]);
  await wb.xlsx.writeFile(file);
  return people;
}

/**
 * Issue 25's journey: a new office (tenant made on the command line) imports a 60-unit directory and a
 * 120-person account sheet in the browser, downloads the 开通通知, one new liaison signs in with it and
 * changes the password, and the coverage views show who is missing. The admin's steps are timed.
 */
describe('onboarding: a new office brings its units and people in', () => {
  let server: AppServer;
  let browser: Browser;
  let dir: string;
  const timings: [string, number][] = [];
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await work();
    timings.push([step, Date.now() - started]);
    return result;
  };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'duban-onboarding-'));
    const createTenant = (dataDir: string) =>
      createTenantWithCli(dataDir, {
        code: TENANT,
        name: '云南省人民政府办公厅',
        admin: 'gkb-admin',
        adminName: '杨主任',
        password: ADMIN_PASSWORD,
      });
    ({ server, browser } = await startAppAndBrowser({ SEED_DEMO: 'false' }, { before: createTenant }));
  });
  afterAll(async () => {
    process.stdout.write(
      `\nonboarding timings (admin's steps in the browser):\n${timings.map(([s, ms]) => `  ${s}: ${(ms / 1000).toFixed(1)} s`).join('\n')}\n`,
    );
    await stopAppAndBrowser({ server, browser });
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function signIn(username: string, password: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(server.url + '/login');
    await page.getByLabel('机构代码').fill(TENANT);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }

  it('imports the directory and the people, hands out the notices, and shows who is still missing', async () => {
    const directory = path.join(dir, '承办单位名录.xlsx');
    const accounts = path.join(dir, '账号开通名单.xlsx');
    await directorySheet(directory);
    const people = await accountSheet(accounts);
    expect(people).toBe(120);
    const admin = await signIn('gkb-admin', ADMIN_PASSWORD);

    await timed('import the 60-unit directory (check, confirm)', async () => {
      // The admin goes from page to page as the app's menu does (an in-app move): a full load would cost
      // Chromium the whole bundle again. The reload below is the one the filter must survive.
      await moveTo(admin, '/directory/units');
      await admin.getByRole('button', { name: /批量导入/ }).click();
      const dialog = admin.getByRole('dialog', { name: '批量导入单位' });
      await dialog.locator('input[type=file]').setInputFiles(directory);
      await dialog.getByText('检查通过，确认后按以下结果导入（全部成功或全部不导入）。').waitFor();
      await expect(dialog.getByText(`新增 ${UNITS}`).isVisible()).resolves.toBe(true);
      await clickStill(dialog.getByRole('button', { name: /确认导入/ }));
      await dialog.getByText('导入完成').waitFor();
      await dialog.getByRole('button', { name: /完\s*成/ }).click();
    });
    await admin.getByText(`共 ${UNITS} 个单位`).waitFor();

    const issued = await timed('import the 120-person account sheet (check, confirm)', async () => {
      await moveTo(admin, '/directory/users');
      await admin.getByRole('button', { name: /导入账号/ }).click();
      const dialog = admin.getByRole('dialog', { name: '导入账号' });
      await dialog.locator('input[type=file]').setInputFiles(accounts);
      await dialog.getByText('检查通过：将开通 120 个账号。').waitFor();
      await screenshot(admin, JOURNEY, 'account-check');
      await clickStill(dialog.getByRole('button', { name: /确认导入/ }));
      await dialog.getByText('已开通 120 个账号。初始密码只显示这一次，请现在下载开通通知。').waitFor();
      return dialog;
    });

    const list = await timed('download the 开通通知 list (xlsx) and the per-unit notices (docx)', async () => {
      const [xlsx] = await Promise.all([
        admin.waitForEvent('download'),
        issued.getByRole('button', { name: /下载开通通知名单/ }).click(),
      ]);
      const [docx] = await Promise.all([
        admin.waitForEvent('download'),
        issued.getByRole('button', { name: /下载分单位开通通知/ }).click(),
      ]);
      expect(xlsx.suggestedFilename()).toBe('账号开通通知.xlsx');
      const documentXml = await (
        await JSZip.loadAsync(await fs.readFile((await docx.path())!))
      )
        .file('word/document.xml')!
        .async('string');
      expect(documentXml).toContain(`${unitName(1)}：`);
      expect(documentXml).toContain(`机构代码：${TENANT}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile((await xlsx.path())!);
      return wb.worksheets[0];
    });
    await screenshot(admin, JOURNEY, 'notices');
    expect((list.getRow(1).values as unknown[]).slice(1)).toEqual([
      '单位',
      '姓名',
      '角色',
      '登录地址',
      '机构代码',
      '用户名',
      '初始密码',
    ]);
    const rows = Array.from({ length: 120 }, (_, i) => (list.getRow(i + 2).values as string[]).slice(1));
    const liaison = rows.find((r) => r[0] === unitName(1) && r[2] === '联络员')!;
    expect(liaison).toEqual([
      unitName(1),
      `钱联1`,
      '联络员',
      `${server.url}/login`,
      TENANT,
      'qianlian1',
      expect.stringMatching(/^[A-HJ-NP-Za-km-z2-9]{12}$/),
    ]);
    await issued.getByRole('button', { name: /完\s*成/ }).click();

    // The liaison signs in with the notice's first password and must change it first.
    const unitPage = await signIn(liaison[5], liaison[6]);
    await unitPage.waitForURL((url) => url.pathname === '/change-password');
    await unitPage.getByLabel('当前密码').fill(liaison[6]);
    await unitPage.getByLabel('新密码', { exact: true }).fill('Lianluo2027ok');
    await unitPage.getByLabel('确认新密码').fill('Lianluo2027ok');
    await unitPage.getByRole('button', { name: /确认修改/ }).click();
    await unitPage.waitForURL((url) => url.pathname === '/unit');

    await timed('see the units still without a liaison', async () => {
      await moveTo(admin, '/directory/units?without=UNIT_LIAISON');
      await admin.getByText(`共 ${WITHOUT_LIAISON} 个单位`).waitFor();
    });
    const missing = await admin.locator('.ant-table-tbody tr.ant-table-row td:first-child').allInnerTexts();
    expect(missing).toEqual(
      Array.from({ length: WITHOUT_LIAISON }, (_, k) => unitName(UNITS - WITHOUT_LIAISON + 1 + k)),
    );
    await screenshot(admin, JOURNEY, 'units-without-liaison');
    // Reloading keeps the filter (it lives in the address).
    await admin.reload();
    await admin.getByText(`共 ${WITHOUT_LIAISON} 个单位`).waitFor();

    await timed('see who has never signed in', async () => {
      await moveTo(admin, '/directory/users');
      await admin.getByRole('checkbox', { name: '只看从未登录' }).check();
      // 121 accounts: the admin and the new liaison have signed in.
      await admin.getByText('已显示 50 / 119 个账号').waitFor();
    });
    await screenshot(admin, JOURNEY, 'never-signed-in');
  });
});
