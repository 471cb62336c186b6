import type { Page } from 'playwright-core';

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
