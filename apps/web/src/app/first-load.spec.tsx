import { waitFor } from '@testing-library/react';
import { createMockClient, viewerOf } from '../test/mock-client';
import { renderApp } from '../test/render-app';
import { firstLoadKey } from './first-load-key';
import { FIRST_LOAD_ROUTES, SIGNED_IN_QUERIES, type FirstQuery } from './first-load';

vi.setConfig({ testTimeout: 60_000 });

const VIEWERS: Record<string, Record<string, unknown>> = {
  '/unit': { role: 'UNIT_LIAISON', unitId: 'unit-1', unitName: '省发展改革委' },
  '/office': { role: 'OFFICE_ADMIN' },
  '/leadership': { role: 'LEADERSHIP' },
};

const keyOf = ({ document, variables }: FirstQuery) => {
  const definition = document.definitions.find((d) => d.kind === 'OperationDefinition');
  return firstLoadKey(definition?.kind === 'OperationDefinition' ? (definition.name?.value ?? '') : '', variables);
};

// The first-load script sends these before the app runs; a page that asks anything else makes it
// wasted work (the app asks again), so each page must send exactly what FIRST_LOAD_ROUTES says.
describe.each(FIRST_LOAD_ROUTES)('the first queries of $path', (route) => {
  it('are the ones the page itself sends when it opens', async () => {
    const { client, calls } = createMockClient({ Me: () => ({ data: { me: viewerOf(VIEWERS[route.path]) } }) });
    renderApp(client, route.path);
    const expected = [...SIGNED_IN_QUERIES, ...route.queries].map(keyOf);
    await waitFor(
      () => {
        const sent = calls.map((call) => firstLoadKey(call.operationName, call.variables));
        expect(expected.filter((key) => !sent.includes(key))).toEqual([]);
      },
      { timeout: 30_000 },
    );
  });
});
