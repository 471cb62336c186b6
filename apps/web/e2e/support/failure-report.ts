import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Request } from 'playwright-core';

/**
 * What each page of a browser test said lately, so a failure on a CI machine explains itself: the
 * toasts and errors the page showed (a toast lasts 3 s, long gone when the test gives up), the GraphQL
 * operations it sent with their time and errors, and the browser console's errors. When a test fails,
 * browser-environment.mjs calls `writeFailureReport`, which saves a screenshot and these into
 * tmp/test-results/browser-failures/ (git-ignored).
 */
interface ContextLog {
  graphql: string[];
  console: string[];
}
const logs = new WeakMap<BrowserContext, ContextLog>();
const KEEP = 40;
const push = (list: string[], line: string) => {
  list.push(`${new Date().toISOString()} ${line}`);
  if (list.length > KEEP) list.shift();
};

/** Runs in every page: remembers the last messages, notifications, confirms and error alerts it showed. */
function recordToasts() {
  const seen: string[] = [];
  (window as unknown as { __dubanToasts: string[] }).__dubanToasts = seen;
  const selector =
    '.ant-message-notice, .ant-notification-notice, .ant-modal-confirm, .ant-alert-error, .ant-form-item-explain-error';
  const note = (el: Element) =>
    // The text is filled in by React right after the node is added.
    setTimeout(() => {
      seen.push(
        `${new Date().toISOString()} ${el.className.split(' ')[0]}: ${(el.textContent ?? '').trim().slice(0, 300)}`,
      );
      if (seen.length > 40) seen.shift();
    });
  new MutationObserver((mutations) => {
    for (const m of mutations)
      for (const node of m.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(selector)) note(node);
        node.querySelectorAll(selector).forEach(note);
      }
  }).observe(document, { childList: true, subtree: true });
}

export async function watchContext(context: BrowserContext): Promise<void> {
  const log: ContextLog = { graphql: [], console: [] };
  logs.set(context, log);
  await context.addInitScript(recordToasts);
  context.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning')
      push(log.console, `${msg.type()}: ${msg.text().slice(0, 500)}`);
  });
  context.on('weberror', (error) => push(log.console, `page error: ${error.error().message}`));
  context.on('requestfailed', (request) =>
    push(log.graphql, `${request.url()} failed: ${request.failure()?.errorText}`),
  );
  const sentAt = new WeakMap<Request, number>();
  context.on('request', (request) => sentAt.set(request, Date.now()));
  context.on('response', async (response) => {
    if (!response.url().endsWith('/graphql')) return;
    const request = response.request();
    const sent = request.postDataJSON() as { operationName?: string; variables?: Record<string, unknown> } | null;
    const name = sent?.operationName ?? '?';
    const ms = Date.now() - (sentAt.get(request) ?? Date.now());
    let errors = '';
    try {
      const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
      errors = (body.errors ?? []).map((e) => ` ${e.extensions?.code ?? ''} ${e.message}`).join(';');
    } catch {
      // the page went away before the body was read
    }
    push(log.graphql, `${name} ${response.status()} ${ms} ms${errors}${variablesNote(sent?.variables)}`);
  });
}

/**
 * What a request asked for, shortened: a failure where the answer was right but the question was not
 * (a pick in a form that did not register) is otherwise invisible. Passwords are left out.
 */
function variablesNote(variables: Record<string, unknown> | undefined): string {
  if (!variables || Object.keys(variables).length === 0) return '';
  const shown = JSON.stringify(variables, (key, value: unknown) => (/password/i.test(key) ? '…' : value));
  return ` ${shown.length > 300 ? `${shown.slice(0, 300)}…` : shown}`;
}

/** Saves every open page of `browsers` (screenshot, visible text, toasts, GraphQL, console); returns the folder. */
export async function writeFailureReport(browsers: Iterable<Browser>, testPath: string, testName: string) {
  const slug = `${path.basename(testPath).replace(/\.e2e-spec\.ts$/, '')}-${testName}`
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, 80);
  const dir = path.resolve('tmp', 'test-results', 'browser-failures', slug);
  await fs.mkdir(dir, { recursive: true });
  let n = 0;
  for (const browser of browsers)
    for (const context of browser.contexts())
      for (const page of context.pages()) {
        const name = `page-${++n}`;
        const log = logs.get(context);
        const read = await page
          .evaluate(() => ({
            text: document.body?.innerText ?? '',
            toasts: (window as unknown as { __dubanToasts?: string[] }).__dubanToasts ?? [],
          }))
          .catch((error: Error) => ({ text: `(page not readable: ${error.message})`, toasts: [] as string[] }));
        await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true, timeout: 10_000 }).catch(() => {});
        await fs.writeFile(
          path.join(dir, `${name}.txt`),
          [
            `test: ${testName}`,
            `url: ${page.url()}`,
            '',
            '== toasts, confirms and error alerts, last first ==',
            ...[...read.toasts].reverse(),
            '',
            '== GraphQL, last first ==',
            ...[...(log?.graphql ?? [])].reverse(),
            '',
            '== console errors ==',
            ...(log?.console ?? []),
            '',
            '== visible text ==',
            read.text,
          ].join('\n'),
        );
      }
  return n ? dir : null;
}
