import type { Locator, Page, Request } from 'playwright-core';

/**
 * A GraphQL call as the signed-in user (the session cookie and the CSRF double-submit header), for the
 * set-up a test needs but does not test. Throws on errors.
 */
export async function gql<T = any>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await page.evaluate(
    async ([q, v]) => {
      const csrf =
        document.cookie
          .split(';')
          .map((c) => c.trim().split('='))
          .find(([name]) => name === 'duban_csrf')?.[1] ?? '';
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'apollo-require-preflight': 'true',
          'x-csrf-token': decodeURIComponent(csrf),
        },
        body: JSON.stringify({ query: q, variables: v }),
      });
      return res.json();
    },
    [query, variables] as const,
  );
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** Pasted text through the import wizard's endpoint (POST /imports/plan), for set-up; resolves to the new draft's id and version. */
export async function uploadPlanText(page: Page, text: string, year: number): Promise<{ id: string; version: number }> {
  const body = await page.evaluate(
    async ([t, y]) => {
      const csrf =
        document.cookie
          .split(';')
          .map((c) => c.trim().split('='))
          .find(([name]) => name === 'duban_csrf')?.[1] ?? '';
      const form = new FormData();
      form.set('text', t);
      form.set('year', y);
      const res = await fetch('/imports/plan', {
        method: 'POST',
        headers: { 'x-csrf-token': decodeURIComponent(csrf) },
        body: form,
      });
      return { status: res.status, json: await res.json() };
    },
    [text, String(year)] as const,
  );
  if (body.status !== 201) throw new Error(`plan upload refused: ${JSON.stringify(body.json)}`);
  const { plan } = await gql<{ plan: { id: string; version: number } }>(
    page,
    'query($id: ID!) { plan(id: $id) { id version } }',
    { id: body.json.id },
  );
  return plan;
}

/** Waits until the page has stopped loading: no request in flight, no spinner, no skeleton. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-table-placeholder .ant-spin'),
    null,
    { timeout: 15_000 },
  );
  // Drawers and tabs animate in; axe must see the final colours.
  await page.waitForTimeout(400);
}

/**
 * Resolves once the dialog, confirmation, popover or drawer holding `target` has stopped moving in (or
 * out). antd (rc-motion) first shows an overlay for a few frames at its final place, transparent
 * (classes `…-appear`/`…-enter` without `…-active`), then zooms it in from the point last clicked.
 * Playwright's checks before a click (the box unchanged over two frames, the element under the point)
 * can pass in such still frames, and it checks only the press: when the zoom moves the button before
 * the release, press and release land on different elements, the browser fires no click, and
 * Playwright reports success (a press during the zoom with the release after it was lost every time
 * on 审核通过's confirm). Year's 审核通过 confirm stayed open that way, with no review sent.
 */
export async function untilStill(target: Locator): Promise<void> {
  await target.waitFor();
  const still = await target.evaluate(async (element) => {
    const motionClass = /-(appear|enter|leave)(-(prepare|start|active))?$/;
    const moving = () => {
      for (let node: Element | null = element; node; node = node.parentElement)
        if ([...node.classList].some((c) => motionClass.test(c))) return true;
      // A finite CSS animation or transition on the element or around it (a spinner inside never ends).
      return document
        .getAnimations()
        .some(
          (a) =>
            a.playState === 'running' &&
            a.effect instanceof KeyframeEffect &&
            a.effect.getComputedTiming().endTime !== Infinity &&
            !!a.effect.target?.contains(element),
        );
    };
    const deadline = performance.now() + 10_000;
    while (moving()) {
      if (performance.now() > deadline) return false;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return true;
  });
  if (!still) throw new Error(`${target} was still moving 10 s after it appeared`);
}

/** Clicks (or on a touch screen taps) a control of a dialog, confirmation or drawer once it has stopped moving. */
export async function clickStill(target: Locator, how: 'click' | 'tap' = 'click'): Promise<void> {
  await untilStill(target);
  await (how === 'tap' ? target.tap() : target.click());
}

/** The open confirmation (modal.confirm or Popconfirm); one that is closing no longer counts. */
const OPEN_CONFIRMATION = ':is(.ant-modal-confirm, .ant-popconfirm):not([class*="-leave"]):visible';

/**
 * Answers the open confirmation with its button `name` once it has stopped moving, and waits until it
 * has closed: antd closes it once the action (a mutation, say) has succeeded, so a confirmation still
 * open fails here, where it happened, rather than at a later wait for the action's effect.
 */
export async function confirm(page: Page, name: string | RegExp, how: 'click' | 'tap' = 'click'): Promise<void> {
  const confirmation = page.locator(OPEN_CONFIRMATION);
  await clickStill(confirmation.getByRole('button', { name, exact: typeof name === 'string' }), how);
  await confirmation.waitFor({ state: 'hidden' });
}

/**
 * Moves the page to `path` as the app's own links do (a history push the router renders), instead of
 * page.goto: a full load costs Chromium the shell and the whole bundle again, an in-app move only the
 * new page's chunk and data. Resolves once the new page has replaced the old one (past the placeholder
 * shown while its code loads) and the requests the move started (its chunk, its queries and theirs)
 * have been answered and rendered: the same page with other parameters (`?plan=` on 总览) keeps its
 * root and its old figures until its new data is in, and a read before then reads the old plan's.
 */
export async function moveTo(page: Page, path: string): Promise<void> {
  const from = new URL(page.url());
  const to = new URL(path, from);
  if (from.pathname + from.search === to.pathname + to.search) return;
  const inFlight = new Set<Request>();
  const started = (request: Request) => inFlight.add(request);
  const ended = (request: Request) => inFlight.delete(request);
  page.on('request', started).on('requestfinished', ended).on('requestfailed', ended);
  try {
    // The page shown now is marked, so the wait below is for the next page's own root elements.
    await page.evaluate(() =>
      document.querySelectorAll('.ant-layout-content > *').forEach((el) => el.setAttribute('data-left', '')),
    );
    await page.evaluate((target) => {
      // The router's own history entry shape (its key and index), as its links push them.
      const idx = ((history.state as { idx?: number } | null)?.idx ?? 0) + 1;
      history.pushState({ usr: null, key: Math.random().toString(36).slice(2, 10), idx }, '', target);
      dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
    }, to.pathname + to.search);
    if (from.pathname !== to.pathname)
      await page.locator('.ant-layout-content > :not([data-left]):not([aria-busy="true"])').first().waitFor();
    // Two frames let React render the move and start its queries; an answer can start more (a lazy
    // chunk, then its queries), so this repeats until a pair of frames passes with nothing in flight.
    const deadline = Date.now() + 15_000;
    do {
      while (inFlight.size) {
        if (Date.now() > deadline) throw new Error(`moveTo ${path}: ${[...inFlight][0].url()} unanswered after 15 s`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    } while (inFlight.size);
  } finally {
    page.off('request', started).off('requestfinished', ended).off('requestfailed', ended);
  }
  // Nothing the tests read (axe, text) keeps the marker.
  await page.evaluate(() => document.querySelectorAll('[data-left]').forEach((el) => el.removeAttribute('data-left')));
}
