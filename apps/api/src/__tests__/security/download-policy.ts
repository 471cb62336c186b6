import type { Actor, IdKind, TenantWorld } from './isolation-world.js';

/**
 * Every plain-HTTP GET route of the app (downloads, exports, evidence files), as the GraphQL policy
 * table does for operations. The REST isolation test fails for a GET route missing here, so a new
 * download cannot ship without someone deciding what another tenant gets from it.
 */
export interface DownloadPolicy {
  /** The path with the query, built from a world's real ids. */
  path: (world: TenantWorld) => string;
  /** Who downloads it in the positive run. */
  owner: Actor;
  /** The ids the path names: another tenant's office admin naming them must be refused. */
  names?: IdKind[];
  /** The rightful download shows the world's marker (so the leak scan of the refusals is not vacuous). */
  showsMarker?: boolean;
}

export const DOWNLOAD_POLICY: Record<string, DownloadPolicy> = {
  'GET /exports/audit-log.xlsx': { path: () => `/exports/audit-log.xlsx?action=sign_in`, owner: 'auditor' },
  'GET /exports/assessment.xlsx': { path: () => `/exports/assessment.xlsx`, owner: 'securityAdmin' },
  'GET /files/:id': { path: (w) => `/files/${w.ids.file}`, owner: 'officeAdmin', names: ['file'], showsMarker: true },
  'GET /exports/ledger.xlsx': {
    path: (w) => `/exports/ledger.xlsx?planId=${w.ids.plan}`,
    owner: 'officeAdmin',
    names: ['plan'],
    showsMarker: true,
  },
  'GET /exports/scorecard.xlsx': {
    path: (w) => `/exports/scorecard.xlsx?planId=${w.ids.plan}`,
    owner: 'leadership',
    names: ['plan'],
    showsMarker: true,
  },
  'GET /exports/tongbao.docx': {
    path: (w) => `/exports/tongbao.docx?planId=${w.ids.plan}`,
    owner: 'officeStaff',
    names: ['plan'],
    showsMarker: true,
  },
  'GET /exports/annual-report-section.docx': {
    path: (w) => `/exports/annual-report-section.docx?year=${w.year}&section=七`,
    owner: 'officeStaff',
    showsMarker: true,
  },
  'GET /exports/review-summary.docx': {
    path: (w) => `/exports/review-summary.docx?reviewId=${w.ids.review}`,
    owner: 'leadership',
    names: ['review'],
    showsMarker: true,
  },
  'GET /exports/supervision-notice.docx': {
    path: (w) => `/exports/supervision-notice.docx?id=${w.ids.supervisionNotice}`,
    owner: 'officeAdmin',
    names: ['supervisionNotice'],
    showsMarker: true,
  },
  'GET /exports/lower-coverage.xlsx': {
    path: (w) => `/exports/lower-coverage.xlsx?year=${w.year}`,
    owner: 'leadership',
    showsMarker: true,
  },
  'GET /exports/lower-tongbao.docx': {
    path: (w) => `/exports/lower-tongbao.docx?year=${w.year}`,
    owner: 'officeStaff',
    showsMarker: true,
  },
  // 上下联动: a file the world's lower tenant shares with it; the path names the lower tenant.
  'GET /files/lower/:lowerTenantId/:fileId': {
    path: (w) => `/files/lower/${w.ids.lowerTenant}/${w.lowerSharedFile}`,
    owner: 'officeStaff',
    names: ['lowerTenant'],
  },
  'GET /units/export.xlsx': { path: () => '/units/export.xlsx', owner: 'officeAdmin', showsMarker: true },
  'GET /units/template.xlsx': { path: () => '/units/template.xlsx', owner: 'officeAdmin' },
  'GET /accounts/export.xlsx': { path: () => '/accounts/export.xlsx', owner: 'officeAdmin', showsMarker: true },
  'GET /accounts/template.xlsx': { path: () => '/accounts/template.xlsx', owner: 'officeAdmin' },
  'GET /gk-preview/:planId': {
    path: (w) => `/gk-preview/${w.ids.plan}`,
    owner: 'officeStaff',
    names: ['plan'],
    showsMarker: true,
  },
};

/**
 * Routes that serve no tenant's data and need no sign-in. The single sign-on redirects answer only
 * with redirects (to the tenant's provider, or to /login); sso.integration-spec.ts covers them.
 */
export const PUBLIC_GET_ROUTES = [
  'GET /healthz',
  'GET /readyz',
  'GET /auth/sso/start',
  'GET /auth/sso/callback',
  'GET /auth/sso/logout',
];

/**
 * The public page (政务公开): anonymous by design, serving only a plan the office turned public and only
 * its public fields; public-page.integration-spec.ts proves the 404s and lists every field.
 */
export const PUBLISHED_GET_ROUTES = [
  'GET /gk/:tenant/:plan',
  'GET /gk/:tenant/:plan/items/:no',
  'GET /gk/:tenant/:plan/data.json',
  'GET /gk/:tenant/:plan/data.csv',
];
