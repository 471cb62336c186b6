import type { Locator, Page } from 'playwright-core';
import { clickStill, confirm, moveTo, untilStill } from './page-tools.js';

/**
 * The import wizard as the office uses it, step by step, for browser journeys: import a document,
 * decide its unit names (once per name), mark what the parser missed, publish.
 */

/** The wizard's page: inside the app when the page already shows it (no second load of the whole app). */
async function openWizard(page: Page, baseUrl: string): Promise<void> {
  if (page.url().startsWith(baseUrl)) await moveTo(page, '/plans/import');
  else await page.goto(`${baseUrl}/plans/import`);
}

/** 工作要点 → 导入 → 粘贴文本 → 解析并生成草稿; resolves to the new draft's id. */
export async function importPastedPlan(page: Page, baseUrl: string, text: string): Promise<string> {
  await openWizard(page, baseUrl);
  await page.getByRole('tab', { name: '粘贴文本' }).click();
  await page.getByLabel('工作要点全文').fill(text);
  await page.getByRole('button', { name: /解析并生成草稿/ }).click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  await page.getByRole('tree', { name: '工作要点' }).waitFor();
  return page.url().split('/').pop()!;
}

/** A file through the upload box (the wizard's first tab); resolves to the new draft's id. */
export async function importPlanFile(page: Page, baseUrl: string, file: string): Promise<string> {
  await openWizard(page, baseUrl);
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: /解析并生成草稿/ }).click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  await page.getByRole('tree', { name: '工作要点' }).waitFor();
  return page.url().split('/').pop()!;
}

export const namesPanel = (page: Page) => page.getByTestId('unit-names-panel');
const quoted = (name: string) => `"${name.replace(/["\\]/g, '\\$&')}"`;
const nameRow = (page: Page, name: string) =>
  namesPanel(page).locator(`[data-testid=unit-name][data-name=${quoted(name)}]`);
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names still to decide, in the order the panel lists them. */
export async function namesToDecide(page: Page): Promise<string[]> {
  if (!(await namesPanel(page).count())) return [];
  return namesPanel(page)
    .locator('[data-testid=unit-name][data-state=unresolved]')
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.name!));
}

export type NameDecision = { kind: string } | { units: string[] } | 'drop' | 'accept';

/** Opens a name's dialog: 确认 for a name still to decide, 修改 for a decided one (folded away in the panel). */
async function openName(page: Page, name: string): Promise<Locator> {
  const button = nameRow(page, name).getByRole('button', {
    name: new RegExp(`^(确认|修改)单位名称 ${literally(name)}$`),
  });
  if (!(await button.isVisible()))
    await namesPanel(page)
      .getByText(/^已对应的名称 \d+ 个$/)
      .click();
  await button.click();
  const dialog = page.getByRole('dialog', { name: `单位名称：${name}` });
  // Its first click (a radio, 略去此名称) must not land while it zooms in.
  await untilStill(dialog);
  return dialog;
}

/** A select's list can stay open over the dialog's buttons (always, for a multiple select): click beside it. */
async function closeLists(page: Page, dialog: Locator) {
  await dialog.getByText(/^出现在 \d+ 项要点中/).click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

/** Makes the decision in the name's open dialog, and waits until the panel shows the name decided. */
async function decideIn(page: Page, dialog: Locator, name: string, decision: NameDecision) {
  if (decision === 'drop') {
    await dialog.getByRole('radio', { name: /略去此名称/ }).check();
    await clickStill(dialog.getByRole('button', { name: '略去此名称' }));
  } else {
    if (decision !== 'accept' && 'kind' in decision) {
      await dialog.getByRole('radio', { name: /对应到一类单位/ }).check();
      const chosen = dialog.locator('.ant-select-selection-item');
      if (!((await chosen.count()) && (await chosen.first().innerText()).startsWith(`${decision.kind}（`))) {
        await dialog.getByRole('combobox', { name: '单位类型' }).click();
        await page
          .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${decision.kind}（` })
          .first()
          .click();
      }
      await closeLists(page, dialog);
    } else if (decision !== 'accept') {
      await dialog.getByRole('radio', { name: /对应到一个或几个单位/ }).check();
      const units = dialog.getByRole('combobox', { name: '单位' });
      // Start from none (a decided name comes with its current units selected).
      while (await dialog.locator('.ant-select-selection-item').count()) await units.press('Backspace');
      for (const unit of decision.units) {
        await units.fill(unit);
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: unit }).first().click();
      }
      await closeLists(page, dialog);
    }
    await clickStill(dialog.getByRole('button', { name: /确\s*定/ }));
  }
  await dialog.waitFor({ state: 'hidden' });
  await page
    .locator(`[data-testid=unit-name][data-name=${quoted(name)}][data-state=unresolved]`)
    .waitFor({ state: 'detached' });
}

/**
 * Decides one unit name for the whole draft, or decides a decided one again: a kind of units (by its
 * label, e.g. 部门), chosen units, drop it, or accept what the dialog proposes. Resolves to the name's
 * row in the panel.
 */
export async function decideUnitName(page: Page, name: string, decision: NameDecision): Promise<Locator> {
  await decideIn(page, await openName(page, name), name, decision);
  return nameRow(page, name);
}

/** Every name still open: the dialog's own proposal (a kind, the closest unit) when it has one, else dropped. */
export async function decideEveryName(page: Page): Promise<void> {
  for (let guard = 0; guard < 100; guard++) {
    const [name] = await namesToDecide(page);
    if (!name) return;
    const dialog = await openName(page, name);
    const proposed = (await dialog.getByTestId('unit-name-form').getAttribute('data-ready')) === 'true';
    await decideIn(page, dialog, name, proposed ? 'accept' : 'drop');
  }
  throw new Error('names never all decided');
}

/** Triple-clicks a line of the source text (selecting it) and makes it a key point or a section. */
export async function markSourceLine(page: Page, line: string, as: '要点' | '部分'): Promise<void> {
  const source = page.getByLabel('原文', { exact: true });
  await source.locator('[data-offset]', { hasText: line }).first().click({ clickCount: 3 });
  const toolbar = page.getByRole('toolbar', { name: '标记原文' });
  await toolbar.getByText(/^已选：/).waitFor();
  await toolbar.getByRole('button', { name: `设为${as}` }).click();
  await page.getByText(`已设为${as}`).waitFor();
}

/** 发布并生成任务 → the confirmation (returned for assertions) → confirm; lands on the ledger. */
export async function publishDraft(page: Page, check?: (confirmation: Locator) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: /发布并生成任务/ }).click();
  const confirmation = page.getByTestId('publish-confirm');
  await confirmation.waitFor();
  await check?.(confirmation);
  await confirm(page, /^(仍然发布|发\s*布)$/);
  await page.waitForURL(/\/ledger\?plan=/);
}
