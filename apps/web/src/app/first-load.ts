import type { DocumentNode } from 'graphql';
import {
  DashboardDocument,
  LedgerTasksDocument,
  MeDocument,
  MyTasksDocument,
  PlansDocument,
  ReviewQueueDocument,
  UnreadNotificationCountDocument,
  UnsignedTaskCountDocument,
  UrgesDocument,
} from '../generated/graphql.ts';

/** A query a page sends as it opens, with exactly the variables it sends. */
export interface FirstQuery {
  document: DocumentNode;
  variables?: Record<string, unknown>;
}

/** A landing page: its source file (below src/) and the queries it sends before anything is clicked. */
export interface FirstLoadRoute {
  path: string;
  page: string;
  queries: FirstQuery[];
}

/**
 * Every signed-in page asks who is signed in first (RequireAuth), and its frame's bell the unread count:
 * asked only once the app's code has run, the count was the last answer of a phone's opening, one
 * round trip after everything else.
 */
export const SIGNED_IN_QUERIES: FirstQuery[] = [
  { document: MeDocument },
  { document: UnreadNotificationCountDocument },
];

/**
 * The pages people land on after sign-in, and what each asks for first. The build turns this into a
 * small script that index.html runs before the app's own code has arrived: it preloads the page's
 * chunks and sends these queries at once, so on a slow network the data and the code travel together
 * instead of one after the other (apps/web/build/first-load-plugin.ts, first-load-link.ts). The pages'
 * own queries must stay the same as these (first-load.spec.tsx); a query that differs is simply sent
 * again, never answered wrongly.
 */
export const FIRST_LOAD_ROUTES: FirstLoadRoute[] = [
  {
    path: '/unit',
    page: 'pages/unit/unit-home-page.tsx',
    queries: [
      { document: MyTasksDocument, variables: { first: 30 } },
      { document: UrgesDocument, variables: { filter: { unacknowledged: true }, first: 20 } },
      { document: DashboardDocument },
      { document: UnsignedTaskCountDocument },
    ],
  },
  {
    path: '/office',
    page: 'pages/office/office-home-page.tsx',
    queries: [
      { document: DashboardDocument },
      {
        document: LedgerTasksDocument,
        variables: { filter: { light: ['RED'] }, sort: { field: 'DUE_DATE', direction: 'ASC' }, first: 10 },
      },
      { document: ReviewQueueDocument, variables: { first: 8 } },
    ],
  },
  {
    path: '/leadership',
    page: 'pages/leadership/leadership-home-page.tsx',
    queries: [{ document: PlansDocument, variables: { status: 'PUBLISHED', first: 50 } }],
  },
];

/**
 * The home pages' task table (antd's Table with its filter tree, select and pagination), drawn only on a
 * wide screen: a phone gets cards. It is a chunk of its own, which the first-load script preloads only
 * when the screen is wide.
 */
export const WIDE_SCREEN_MODULE = 'modules/tasks/components/task-rows.tsx';

/** The frame's menu, which a wide screen draws in its sider and a phone only once its menu is opened. */
export const WIDE_SCREEN_MENU_MODULE = 'modules/layout/components/nav-menu.tsx';

/** The sign-in page, a chunk of its own that the first-load script preloads on /login. */
export const SIGN_IN_PAGE_MODULE = 'pages/login/login-page.tsx';

/** The frame every signed-in page is drawn in. */
export const LAYOUT_MODULE = 'modules/layout/components/app-layout.tsx';
