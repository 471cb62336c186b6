// Everything past sign-in is split per route: the sign-in page loads only the shell and its form.
// The loaders that sign-in prefetches live here, below both the sign-in page and the route table.
import { PHONE_QUERY } from '../modules/common/hooks/use-phone';
import { lazyWithPreload } from '../modules/common/utils/lazy-with-preload';
import { NavMenu } from '../modules/layout/components/menus';

export const AppLayout = lazyWithPreload(() => import('../modules/layout/components/app-layout'));

/** The pages a person lands on after sign-in, by their path's first segment. */
export const LANDING_PAGES = {
  office: lazyWithPreload(() => import('../pages/office/office-home-page')),
  unit: lazyWithPreload(() => import('../pages/unit/unit-home-page')),
  leadership: lazyWithPreload(() => import('../pages/leadership/leadership-home-page')),
  ledger: lazyWithPreload(() => import('../pages/ledger/ledger-page')),
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
  // A wide screen's frame draws the menu (preloaded by the first-load script); a phone's only a button.
  const menu = window.matchMedia(PHONE_QUERY).matches ? undefined : NavMenu.preload();
  return Promise.all([AppLayout.preload(), page?.[1].preload(), menu]).then(
    () => undefined,
    () => undefined,
  );
}
