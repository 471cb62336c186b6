import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { HomeRedirect } from '../modules/auth/components/home-redirect';
import { RequireAuth } from '../modules/auth/components/require-auth';
import { RequireRole } from '../modules/auth/components/require-role';
import { LEADERSHIP_ROLES, OFFICE_ROLES, UNIT_ROLES } from '../modules/auth/utils/roles';
import { PageLoading } from '../modules/common/components/page-loading';
import { LoginPage } from '../pages/login/login-page';

// Everything past sign-in is split per route: the sign-in page loads only the shell and its form.
const loadLayout = () => import('../modules/layout/components/app-layout');
const loadOfficeHome = () => import('../pages/office/office-home-page');
const loadUnitHome = () => import('../pages/unit/unit-home-page');
const loadLeadershipHome = () => import('../pages/leadership/leadership-home-page');
const loadLedger = () => import('../pages/ledger/ledger-page');
const AppLayout = lazy(loadLayout);
const ChangePasswordPage = lazy(() => import('../pages/change-password/change-password-page'));
const NotFoundPage = lazy(() => import('../pages/not-found/not-found-page'));
const OfficeHomePage = lazy(loadOfficeHome);
const PlanListPage = lazy(() => import('../pages/plans/plan-list-page'));
const PlanImportPage = lazy(() => import('../pages/plans/plan-import-page'));
const PlanDraftPage = lazy(() => import('../pages/plans/plan-draft-page'));
const LedgerPage = lazy(loadLedger);
const UnitHomePage = lazy(loadUnitHome);
const LeaderApprovalsPage = lazy(() => import('../pages/unit/leader-approvals-page'));
const CoordinationPage = lazy(() => import('../pages/unit/coordination-page'));
const LeadershipHomePage = lazy(loadLeadershipHome);
const ReviewListPage = lazy(() => import('../pages/review/review-list-page'));
const ReviewPage = lazy(() => import('../pages/review/review-page'));
const ScorecardPage = lazy(() => import('../pages/scorecard/scorecard-page'));
const DocumentsPage = lazy(() => import('../pages/scorecard/documents-page'));
const NotificationsPage = lazy(() => import('../pages/notifications/notifications-page'));
const CalendarPage = lazy(() => import('../pages/calendar/calendar-page'));
const UnitsPage = lazy(() => import('../pages/directory/units-page'));
const UsersPage = lazy(() => import('../pages/directory/users-page'));
const SettingsPage = lazy(() => import('../pages/settings/settings-page'));

const PREFETCH: [string, () => Promise<unknown>][] = [
  ['/office', loadOfficeHome],
  ['/unit', loadUnitHome],
  ['/leadership', loadLeadershipHome],
  ['/ledger', loadLedger],
];

/**
 * Starts downloading the layout and the page of a path at once, instead of one after the other
 * behind the `me` query (lazy components would otherwise load in a waterfall). Import promises are
 * cached, so React.lazy later resolves from the same download.
 */
export function prefetchRoute(pathname: string) {
  if (pathname.startsWith('/login')) return;
  void loadLayout().catch(() => undefined);
  const page = PREFETCH.find(([prefix]) => pathname === prefix || pathname.startsWith(prefix + '/'));
  void page?.[1]().catch(() => undefined);
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          <Route path="/change-password" element={<ChangePasswordPage />} />
          <Route element={<AppLayout />}>
            <Route index element={<HomeRedirect />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route element={<RequireRole roles={OFFICE_ROLES} />}>
              <Route path="/office" element={<OfficeHomePage />} />
              <Route path="/plans" element={<PlanListPage />} />
              <Route path="/plans/import" element={<PlanImportPage />} />
              <Route path="/plans/:planId" element={<PlanDraftPage />} />
              <Route path="/documents" element={<DocumentsPage />} />
              <Route path="/calendar" element={<CalendarPage />} />
              <Route path="/directory/units" element={<UnitsPage />} />
              <Route path="/directory/users" element={<UsersPage />} />
              <Route path="/settings" element={<SettingsPage />} />
            </Route>
            <Route element={<RequireRole roles={[...OFFICE_ROLES, ...LEADERSHIP_ROLES]} />}>
              <Route path="/ledger" element={<LedgerPage />} />
              <Route path="/reviews" element={<ReviewListPage />} />
              <Route path="/reviews/:reviewId" element={<ReviewPage />} />
              <Route path="/scorecard" element={<ScorecardPage />} />
            </Route>
            <Route element={<RequireRole roles={UNIT_ROLES} />}>
              <Route path="/unit" element={<UnitHomePage />} />
              <Route path="/unit/coordination" element={<CoordinationPage />} />
            </Route>
            <Route element={<RequireRole roles={['UNIT_LEADER']} />}>
              <Route path="/unit/approvals" element={<LeaderApprovalsPage />} />
            </Route>
            <Route element={<RequireRole roles={LEADERSHIP_ROLES} />}>
              <Route path="/leadership" element={<LeadershipHomePage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
