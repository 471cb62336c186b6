// Everything is split per route: the shell holds what every page needs (React, Apollo, antd's core);
// the sign-in form is a chunk of its own, which a signed-in person's first load never downloads.
// The loaders that sign-in prefetches live here, below both the sign-in page and the route table.
import { PHONE_QUERY } from '../modules/common/hooks/use-phone';
import { lazyWithPreload } from '../modules/common/utils/lazy-with-preload';
import { NavMenu } from '../modules/layout/components/menus';

/**
 * The sign-in page: antd's Form with its field store and validator, ≈ 7 % of what the shell was, none of
 * it drawn by a signed-in page. The first-load script preloads it with the shell on /login (first-load.ts).
 */
export const LoginPage = lazyWithPreload(() => import('../pages/login/login-page'));

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
  if (pathname.startsWith('/login'))
    return LoginPage.preload().then(
      () => undefined,
      () => undefined,
    );
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
