import '@testing-library/jest-dom/vitest';

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
