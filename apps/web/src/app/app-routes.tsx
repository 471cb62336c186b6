import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { HomeRedirect } from '../modules/auth/components/home-redirect';
import { RequireAuth } from '../modules/auth/components/require-auth';
import { RequireRole } from '../modules/auth/components/require-role';
import {
  AUDITOR_ROLES,
  LEADERSHIP_ROLES,
  OFFICE_ROLES,
  SECURITY_ADMIN_ROLES,
  UNIT_ROLES,
} from '../modules/auth/utils/roles';
import { PageLoading } from '../modules/common/components/page-loading';
import { AppLayout, LANDING_PAGES, LoginPage } from './route-loaders';

const ChangePasswordPage = lazy(() => import('../pages/change-password/change-password-page'));
const TwoFactorPage = lazy(() => import('../pages/two-factor/two-factor-page'));
const NotFoundPage = lazy(() => import('../pages/not-found/not-found-page'));
const OfficeHomePage = LANDING_PAGES.office;
const PlanListPage = lazy(() => import('../pages/plans/plan-list-page'));
const PlanImportPage = lazy(() => import('../pages/plans/plan-import-page'));
const PlanPage = lazy(() => import('../pages/plans/plan-page'));
const LedgerPage = LANDING_PAGES.ledger;
const UnitHomePage = LANDING_PAGES.unit;
const LeaderApprovalsPage = lazy(() => import('../pages/unit/leader-approvals-page'));
const CoordinationPage = lazy(() => import('../pages/unit/coordination-page'));
const LeadershipHomePage = LANDING_PAGES.leadership;
const ReviewListPage = lazy(() => import('../pages/review/review-list-page'));
const ReviewPage = lazy(() => import('../pages/review/review-page'));
const ScorecardPage = lazy(() => import('../pages/scorecard/scorecard-page'));
const LowerCoveragePage = lazy(() => import('../pages/levels/lower-coverage-page'));
const UpperUrgesPage = lazy(() => import('../pages/levels/upper-urges-page'));
const DocumentsPage = lazy(() => import('../pages/documents/documents-page'));
const NotificationsPage = lazy(() => import('../pages/notifications/notifications-page'));
const CalendarPage = lazy(() => import('../pages/calendar/calendar-page'));
const UnitsPage = lazy(() => import('../pages/directory/units-page'));
const UsersPage = lazy(() => import('../pages/directory/users-page'));
const SettingsPage = lazy(() => import('../pages/settings/settings-page'));
const SecurityPage = lazy(() => import('../pages/security/security-page'));
const AuditPage = lazy(() => import('../pages/audit/audit-page'));
const TaskLinkPage = lazy(() => import('../pages/tasks/task-link-page'));

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          <Route path="/change-password" element={<ChangePasswordPage />} />
          <Route path="/two-factor" element={<TwoFactorPage />} />
          <Route element={<AppLayout />}>
            <Route index element={<HomeRedirect />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/tasks/:taskId" element={<TaskLinkPage />} />
            <Route element={<RequireRole roles={OFFICE_ROLES} />}>
              <Route path="/office" element={<OfficeHomePage />} />
              <Route path="/plans" element={<PlanListPage />} />
              <Route path="/plans/import" element={<PlanImportPage />} />
              <Route path="/plans/:planId" element={<PlanPage />} />
              <Route path="/documents" element={<DocumentsPage />} />
              <Route path="/calendar" element={<CalendarPage />} />
              <Route path="/directory/units" element={<UnitsPage />} />
              <Route path="/settings" element={<SettingsPage />} />
            </Route>
            <Route element={<RequireRole roles={['OFFICE_ADMIN', ...SECURITY_ADMIN_ROLES]} />}>
              <Route path="/directory/users" element={<UsersPage />} />
            </Route>
            <Route element={<RequireRole roles={SECURITY_ADMIN_ROLES} />}>
              <Route path="/security" element={<SecurityPage />} />
            </Route>
            <Route element={<RequireRole roles={[...OFFICE_ROLES, ...LEADERSHIP_ROLES]} />}>
              <Route path="/ledger" element={<LedgerPage />} />
              <Route path="/reviews" element={<ReviewListPage />} />
              <Route path="/reviews/:reviewId" element={<ReviewPage />} />
              <Route path="/scorecard" element={<ScorecardPage />} />
              <Route path="/levels" element={<LowerCoveragePage />} />
              <Route path="/levels/from-upper" element={<UpperUrgesPage />} />
            </Route>
            <Route element={<RequireRole roles={AUDITOR_ROLES} />}>
              <Route path="/audit" element={<AuditPage />} />
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
