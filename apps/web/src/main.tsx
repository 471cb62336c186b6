// antd's styles, made at build time (build/antd-styles-plugin.ts): the app runs antd with zeroRuntime.
import 'virtual:antd.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { prefetchRoute } from './app/route-loaders';

// From here on the app asks for its own data: a first-load script arriving this late must not ask again.
window.__dubanFirstLoad ??= {};
// The page's code is on its way (preloaded by the first-load script); by the time `me` answers it has
// usually arrived, and the layout and page then draw in the same render (lazyWithPreload).
const prefetched = prefetchRoute(window.location.pathname);

const start = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// The sign-in page draws once its form's code is there (preloaded with the shell): drawn earlier, the
// page's own first screen, the sign-in card, would give way to a placeholder and then come back.
if (window.location.pathname.startsWith('/login')) void prefetched.then(start);
else start();
