import type { Browser, Page } from 'playwright-core';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { screenshot } from './support/browser.js';
import { DEMO_PASSWORD, signIn } from './support/session.js';
import { apiAs } from './support/api-client.js';
import { clickStill } from './support/page-tools.js';

const SUITE = 'styles';
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 375, height: 740 };
/** theme.ts: colorPrimary #b71c1c, colorError #c62828. */
const PRIMARY = 'rgb(183, 28, 28)';
const ERROR = 'rgb(198, 40, 40)';
const WHITE = 'rgb(255, 255, 255)';

/**
 * Every antd component root on the page that its rules do not reach. antd gives each root the class
 * `ant-<component>-css-var`, and every component's stylesheet begins with a rule on that class
 * (box-sizing: border-box among others): a root still at the browser's content-box is a component the
 * build-time stylesheet left out (antd-styles.ts), drawn without any of its rules.
 */
async function unstyledComponents(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const missing = new Set<string>();
    for (const element of document.querySelectorAll('[class*="-css-var"]')) {
      const root = [...element.classList].find((c) => /^ant-[a-z-]+-css-var$/.test(c));
      if (root && getComputedStyle(element).boxSizing !== 'border-box') missing.add(root);
    }
    return [...missing];
  });
}

/**
 * The named computed properties of the first visible element matching `selector`, once its transitions
 * have ended: antd eases colours in (an error border read mid-way was rgb(198, 43, 43), not the theme's
 * rgb(198, 40, 40)), and a value read during the change says nothing about the stylesheet.
 */
async function styleOf(page: Page, selector: string, properties: string[]): Promise<Record<string, string>> {
  const element = page.locator(`${selector} >> visible=true`).first();
  await element.waitFor();
  return element.evaluate(async (e, names) => {
    const finite = e.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    return Object.fromEntries(names.map((name) => [name, getComputedStyle(e).getPropertyValue(name)]));
  }, properties);
}

/** A popup placed over the page, its panel a white card with a shadow. */
async function expectFloating(page: Page, popup: string, panel = popup, position = 'absolute') {
  expect((await styleOf(page, popup, ['position']))['position']).toBe(position);
  const style = await styleOf(page, panel, ['box-shadow', 'background-color']);
  expect(style['background-color']).toBe(WHITE);
  expect(style['box-shadow']).not.toBe('none');
}

/**
 * Issues 19, 20 and 16: antd runs with `zeroRuntime` and its component styles come from a stylesheet made
 * at build time. Nothing may lose its style: each page and popup the app shows, at desktop and phone
 * width, has every component's rules, and the theme's tokens (and the phone's larger controls) still apply.
 */
describe('antd styles made at build time', () => {
  let server: AppServer;
  let browser: Browser;
  beforeAll(async () => {
    // With antd's motion, as most users see it (styleOf reads a colour once its transition has ended).
    ({ server, browser } = await startAppAndBrowser({}, {}, { motion: 'full' }));
  });
  afterAll(() => stopAppAndBrowser({ server, browser }));

  it('links one hashed stylesheet, sent precompressed and kept for good; the page makes no component styles', async () => {
    // One on the sign-in page: the first screens' components. The rest comes with the pages that draw it.
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(server.url + '/login');
    await page.getByRole('button', { name: /^登\s*录$/ }).waitFor();
    const sheets = await page.$$eval('link[rel=stylesheet]', (links) => links.map((l) => l.getAttribute('href')));
    expect(sheets).toEqual([expect.stringMatching(/^\/assets\/[\w-]+-[\w-]{8}\.css$/)]);
    const response = await page.request.get(server.url + sheets[0], { headers: { 'Accept-Encoding': 'br' } });
    expect(response.headers()['content-encoding']).toBe('br');
    expect(response.headers()['cache-control']).toContain('immutable');
    const first = await response.text();
    expect(first).toContain('.ant-btn');
    expect(first).not.toContain('}.ant-picker{');
    // What antd still writes at run time is CSS variables (the theme's tokens), never a component's rules.
    const inline = await page.$$eval('style', (styles) => styles.map((s) => s.textContent ?? ''));
    const rules = inline.flatMap((text) => text.match(/[^{}]+\{[^{}]*\}/g) ?? []);
    const notVariables = rules.filter((rule) => !/^[^{]*\{(\s*--[\w-]+:[^;]*;?)*\s*\}$/.test(rule.trim()));
    expect(notVariables.filter((rule) => rule.includes('.ant-'))).toEqual([]);
    await page.close();
  });

  it('the sign-in form at both widths: theme colour, form errors, and touch-sized controls on a phone', async () => {
    for (const [viewport, controlHeight, inputFont] of [
      [DESKTOP, '32px', '14px'],
      [PHONE, '44px', '16px'],
    ] as const) {
      const page = await browser.newPage({ viewport });
      await page.goto(server.url + '/login');
      const submit = page.getByRole('button', { name: /^登\s*录$/ });
      await submit.waitFor();
      expect(await styleOf(page, '.ant-btn-primary', ['background-color', 'height', 'border-top-left-radius'])).toEqual(
        {
          'background-color': PRIMARY,
          height: controlHeight,
          'border-top-left-radius': '4px',
        },
      );
      expect((await styleOf(page, 'input.ant-input', ['font-size']))['font-size']).toBe(inputFont);
      await submit.click();
      expect((await styleOf(page, '.ant-form-item-explain-error', ['color']))['color']).toBe(ERROR);
      expect(
        (await styleOf(page, '.ant-input-affix-wrapper.ant-input-status-error', ['border-top-color']))[
          'border-top-color'
        ],
      ).toBe(ERROR);
      expect(await unstyledComponents(page)).toEqual([]);
      await page.close();
    }
  });

  it('the office’s pages and popups: table, tags, cards, menu, Select and DatePicker panels, a task’s drawer, a form in a dialog', async () => {
    const page = await signIn(browser, server.url, 'ban-admin', { viewport: DESKTOP });
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect((await styleOf(page, '.ant-card', ['background-color']))['background-color']).toBe(WHITE);
    expect((await styleOf(page, '.ant-menu-item-selected', ['background-color']))['background-color']).toBe(PRIMARY);
    expect(await unstyledComponents(page)).toEqual([]);

    await page.goto(server.url + '/ledger');
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    const head = await styleOf(page, '.ant-table-thead > tr > th', ['background-color', 'font-weight']);
    expect(head).toEqual({ 'background-color': 'rgb(250, 250, 250)', 'font-weight': '600' });
    // A preset tag prints its tone's text colour on its light background (theme.ts TONES).
    const tag = await styleOf(page, '.ant-tag', ['border-top-left-radius', 'font-size', 'padding-left']);
    expect(tag['border-top-left-radius']).not.toBe('0px');
    expect(tag['font-size']).toBe('12px');
    await page.locator('.ant-select >> visible=true').first().click();
    await expectFloating(page, '.ant-select-dropdown');
    await page.keyboard.press('Escape');
    await page.locator('.ant-picker >> visible=true').first().click();
    await expectFloating(page, '.ant-picker-dropdown', '.ant-picker-dropdown .ant-picker-panel-container');
    expect(await unstyledComponents(page)).toEqual([]);
    await screenshot(page, SUITE, 'ledger-date-picker');
    await page.keyboard.press('Escape');

    await page
      .locator('.ant-table-tbody tr.ant-table-row')
      .first()
      .locator('td')
      .nth(2)
      .getByRole('button')
      .first()
      .click();
    // The drawer's shadow is on its wrapper, its white on the section inside.
    const wrapper = await styleOf(page, '.ant-drawer-content-wrapper', ['position', 'box-shadow']);
    expect(wrapper.position).toBe('absolute');
    expect(wrapper['box-shadow']).not.toBe('none');
    expect((await styleOf(page, '.ant-drawer-section', ['background-color']))['background-color']).toBe(WHITE);
    expect(await unstyledComponents(page)).toEqual([]);
    await screenshot(page, SUITE, 'task-drawer');
    await page.keyboard.press('Escape');

    await page.goto(server.url + '/directory/users');
    await page.getByRole('button', { name: /新增账号/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectFloating(page, '.ant-modal-wrap', '.ant-modal-container', 'fixed');
    await clickStill(dialog.locator('.ant-btn-primary'));
    expect((await styleOf(page, '.ant-modal .ant-form-item-explain-error', ['color']))['color']).toBe(ERROR);
    expect(await unstyledComponents(page)).toEqual([]);
    await screenshot(page, SUITE, 'user-dialog-errors');
    await page.context().close();
  });

  it('honours prefers-reduced-motion (WCAG 2.3.3): a dialog appears without its zoom and CSS animations stop; otherwise it zooms', async () => {
    const page = await signIn(browser, server.url, 'ban-admin', { viewport: DESKTOP, path: '/directory/users' });
    /** Opens and closes the new-account dialog; whether it zoomed, and how an endless CSS animation runs. */
    const openDialog = async () => {
      await page.evaluate(() => {
        const seen = ((window as { motionSeen?: string[] }).motionSeen = [] as string[]);
        const note = (element: Element) => {
          if (element.classList.contains('ant-modal')) seen.push(element.className);
          for (const modal of element.querySelectorAll('.ant-modal')) seen.push(modal.className);
        };
        new MutationObserver((records) => {
          for (const record of records) {
            if (record.target instanceof Element) note(record.target);
            for (const node of record.addedNodes) if (node instanceof Element) note(node);
          }
        }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
      });
      await page.getByRole('button', { name: /新增账号/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await page.waitForFunction(
        () => !document.querySelector('.ant-modal[class*="-appear"], .ant-modal[class*="-enter"]'),
      );
      const seen = await page.evaluate(() => (window as { motionSeen?: string[] }).motionSeen ?? []);
      // An endless animation of the page's own, not antd's: only the app's stylesheet for the media query stops it.
      const iterations = await page.evaluate(() => {
        const spinner = document.createElement('div');
        spinner.style.animation = 'spin 1s linear infinite';
        document.body.append(spinner);
        const count = getComputedStyle(spinner).animationIterationCount;
        spinner.remove();
        return count;
      });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      return { zoomed: seen.some((name) => /\bant-zoom-(appear|enter)-active\b/.test(name)), iterations };
    };
    expect(await openDialog()).toEqual({ zoomed: true, iterations: 'infinite' });
    // The preference is read as the app starts (use-reduced-motion.ts): set, then the page loaded again.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.reload();
    expect(await openDialog()).toEqual({ zoomed: false, iterations: '1' });
    await page.context().close();
  });

  it('the liaison’s home on a phone: a message, the task drawer and its report form with touch-sized controls', async () => {
    // The demo's urges fall on whichever tasks are overdue today: the office urges one of this liaison's own.
    const liaison = await apiAs(server.url, 'fgw-lly', DEMO_PASSWORD);
    const { myTasks } = await liaison(`{ myTasks(first: 50) { nodes { id status } } }`);
    const open = myTasks.nodes.find((t: { status: string }) => !['DONE', 'CLOSED', 'SUBMITTED'].includes(t.status));
    const office = await apiAs(server.url, 'ban-admin', DEMO_PASSWORD);
    await office(`mutation($taskId: ID!, $message: String!) { urgeTask(taskId: $taskId, message: $message) { id } }`, {
      taskId: open.id,
      message: '请于 3 个工作日内报送进展情况。',
    });
    const page = await signIn(browser, server.url, 'fgw-lly', { viewport: PHONE });
    await page
      .getByRole('button', { name: /^办理：/ })
      .first()
      .waitFor();
    expect(await unstyledComponents(page)).toEqual([]);
    // The rest of antd's rules (the drawer's and the report form's components) load with their code, held
    // back here: nothing of theirs may be drawn, even for a moment, before they have arrived.
    let heldBack = 0;
    await page.route('**/assets/antd-rest-*.css', async (route) => {
      heldBack += 1;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.evaluate(() => {
      const seen = ((window as { unstyledOnce?: string[] }).unstyledOnce = [] as string[]);
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes) {
            if (!(node instanceof Element)) continue;
            for (const element of [node, ...node.querySelectorAll('[class*="-css-var"]')]) {
              const root = [...element.classList].find((c) => /^ant-[a-z-]+-css-var$/.test(c));
              if (root && getComputedStyle(element).boxSizing !== 'border-box') seen.push(root);
            }
          }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: '确认收到' }).first().click();
    await expectFloating(page, '.ant-message-notice');

    await page
      .getByRole('button', { name: /^办理：/ })
      .first()
      .click();
    const drawer = page.getByRole('dialog').filter({ hasText: '任务详情' });
    await drawer.getByRole('button', { name: '报送进展' }).click();
    const form = drawer.getByRole('form', { name: '报送进展' });
    await form.getByRole('button', { name: /提交报送/ }).click();
    expect((await styleOf(page, '.ant-drawer .ant-form-item-explain-error', ['color']))['color']).toBe(ERROR);
    expect((await styleOf(page, '.ant-drawer .ant-btn-primary', ['height']))['height']).toBe('44px');
    expect((await styleOf(page, '.ant-drawer .ant-slider-rail', ['position']))['position']).toBe('absolute');
    expect(await unstyledComponents(page)).toEqual([]);
    expect(heldBack).toBeGreaterThan(0);
    await expect(page.evaluate(() => (window as { unstyledOnce?: string[] }).unstyledOnce)).resolves.toEqual([]);
    await screenshot(page, SUITE, 'phone-report-errors');
    await page.context().close();
  });
});
