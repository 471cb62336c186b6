import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { apolloClient } from './app/apollo-client';
import { prefetchRoute } from './app/route-loaders';
import { MeQuery } from './modules/auth/graphql/me.query';

/** The longest the screen stays blank waiting for the opening's code and `me`: then it shows the skeleton. */
const OPENING_WAIT_MS = 1500;

// Queries the first-load script sent (it ran first, or the store would not be there yet).
const held = window.__dubanFirstLoad;
// From here on the app asks for its own data: a first-load script arriving this late must not ask again.
window.__dubanFirstLoad ??= {};

// The first render waits for the landing page's code (already on its way: the first-load script preloaded
// it) and for who is signed in (its answer too, held by the first-load script; the query takes it into
// the cache). Drawn earlier, the page goes skeleton → frame → page → list, a render and React's reveal
// delay for each, which on a phone took longer than the code and the answer themselves.
const opening = [
  prefetchRoute(window.location.pathname),
  held ? apolloClient.query({ query: MeQuery, context: { quiet: true } }).catch(() => undefined) : undefined,
];
const waited = new Promise((resolve) => setTimeout(resolve, OPENING_WAIT_MS));

void Promise.race([Promise.all(opening), waited]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
