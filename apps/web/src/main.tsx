import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { prefetchRoute } from './app/route-loaders';

// From here on the app asks for its own data: a first-load script arriving this late must not ask again.
window.__dubanFirstLoad ??= {};
prefetchRoute(window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
