import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';

// The files of a worker run one after another in one window, with the installed packages imported once
// (vite.config.ts: pool threads, isolate false). Each file gets here what a window and modules of its own
// gave it before; without this, files failed or slowed to time-outs from what earlier ones left:
// - @testing-library/react registers its hooks (unmount after each test, React's act environment) when
//   it is first imported, i.e. in a worker's first file only: every later file kept its renders and
//   ran without act, so queries found the previous test's screen and updates came late;
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(() => cleanup());
afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});
// - the app's own modules are evaluated afresh, with no vi.mock of another file in force, as vitest does
//   for isolated files (their module-level state: the session's last activity, the notifier, the first
//   screen's list). Packages loaded by Node (node_modules) stay loaded: that is the saving. The mocker is
//   vitest's own (the object behind vi.mock); the optional call keeps a vitest without it working;
(globalThis as { __vitest_mocker__?: { reset(): void } }).__vitest_mocker__?.reset();
vi.resetModules();
// - an empty document (antd's style elements and popups piled up in it: 220 style elements after a dozen
//   files, which every getComputedStyle, so every getByRole, reads), the start address, no storage, no
//   cookies.
document.head.replaceChildren();
document.body.replaceChildren();
for (const element of [document.documentElement, document.body])
  for (const { name } of [...element.attributes]) element.removeAttribute(name);
document.title = '';
window.history.replaceState(null, '', '/');
localStorage.clear();
sessionStorage.clear();
for (const cookie of document.cookie.split(';').filter(Boolean))
  document.cookie = `${cookie.split('=')[0].trim()}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;

// jsdom lacks the layout APIs Ant Design probes for responsive behaviour.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!window.ResizeObserver) {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
const { getComputedStyle } = window;
window.getComputedStyle = (elt: Element, pseudo?: string | null) => getComputedStyle(elt, pseudo ?? undefined);

// Lazy route chunks load on first use; the first test to reach a page pays for the import, which took
// over 5 s with twenty runnable processes on two cores (the test's own limit is 20 s).
import { configure } from '@testing-library/react';
configure({ asyncUtilTimeout: 10000 });
