// Everything past sign-in is split per route: the sign-in page loads only the shell and its form.
// The loaders that sign-in prefetches live here, below both the sign-in page and the route table.
export const loadLayout = () => import('../modules/layout/components/app-layout');

/** The pages a person lands on after sign-in, by their path's first segment. */
export const LANDING_PAGES = {
  office: () => import('../pages/office/office-home-page'),
  unit: () => import('../pages/unit/unit-home-page'),
  leadership: () => import('../pages/leadership/leadership-home-page'),
  ledger: () => import('../pages/ledger/ledger-page'),
};

/**
 * Starts downloading the layout and the page of a path at once, instead of one after the other
 * behind the `me` query (lazy components would otherwise load in a waterfall). Import promises are
 * cached, so React.lazy later resolves from the same download.
 */
export function prefetchRoute(pathname: string) {
  if (pathname.startsWith('/login')) return;
  void loadLayout().catch(() => undefined);
  const page = Object.entries(LANDING_PAGES).find(
    ([name]) => pathname === `/${name}` || pathname.startsWith(`/${name}/`),
  );
  void page?.[1]().catch(() => undefined);
}
