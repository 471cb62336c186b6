// Everything past sign-in is split per route: the sign-in page loads only the shell and its form.
// The loaders that sign-in prefetches live here, below both the sign-in page and the route table.
import { createElement, lazy, type ComponentType } from 'react';

/**
 * React.lazy that draws its page at once when the code has already arrived (the first-load script
 * preloads it, and main.tsx waits for it). Plain lazy always suspends on its first render, showing a
 * skeleton for a frame and then holding the reveal (React throttles revealed fallbacks by 300 ms):
 * the layout and the page inside it cost a phone two of those one after the other.
 */
export function lazyRoute<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | undefined;
  // Set before React.lazy's own callback runs (same promise, earlier `then`): once the lazy version
  // could render, this one is used, so the page is never mounted twice.
  const preload = () =>
    load().then((module) => {
      loaded = module.default;
      return module;
    });
  const Lazy = lazy(preload);
  const Route = (props: P) => createElement(loaded ?? Lazy, props);
  return Object.assign(Route, { preload });
}

export const AppLayout = lazyRoute(() => import('../modules/layout/components/app-layout'));

/** The pages a person lands on after sign-in, by their path's first segment. */
export const LANDING_PAGES = {
  office: lazyRoute(() => import('../pages/office/office-home-page')),
  unit: lazyRoute(() => import('../pages/unit/unit-home-page')),
  leadership: lazyRoute(() => import('../pages/leadership/leadership-home-page')),
  ledger: lazyRoute(() => import('../pages/ledger/ledger-page')),
};

/**
 * Starts downloading the layout and the page of a path at once, instead of one after the other
 * behind the `me` query (lazy components would otherwise load in a waterfall). Resolves when both are
 * there (or failed: the route then loads them again and shows its error).
 */
export function prefetchRoute(pathname: string): Promise<void> {
  if (pathname.startsWith('/login')) return Promise.resolve();
  const page = Object.entries(LANDING_PAGES).find(
    ([name]) => pathname === `/${name}` || pathname.startsWith(`/${name}/`),
  );
  return Promise.all([AppLayout.preload(), page?.[1].preload()]).then(
    () => undefined,
    () => undefined,
  );
}
