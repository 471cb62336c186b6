import { lazy, Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoading } from '../../common/components/page-loading';
import { QueryError } from '../../common/components/query-error';
import { useViewer } from '../hooks/use-viewer';
import { IdleSignOut } from './idle-sign-out';

// Loaded only for a tenant that switched the watermark on: its date rule pulls in the calendar library,
// which the sign-in page (this component is in its bundle) must not carry.
const PageWatermark = lazy(() => import('../../watermark').then((m) => ({ default: m.PageWatermark })));

/**
 * Signed-in people only: others go to /login and come back afterwards. A person whose password must be
 * changed (first sign-in, admin reset, expired) can do nothing else until they change it, and then
 * nothing else until they set up two-factor sign-in where the tenant requires it.
 */
export function RequireAuth() {
  const { viewer, loading, error, refetch } = useViewer();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (error && !viewer) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!viewer) {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  if (viewer.mustChangePassword && location.pathname !== '/change-password')
    return <Navigate to="/change-password" replace />;
  // After the password: a role the tenant requires two-factor for sets it up first.
  if (!viewer.mustChangePassword && viewer.mustEnrolTwoFactor && location.pathname !== '/two-factor')
    return <Navigate to="/two-factor" replace />;
  return (
    <>
      <IdleSignOut idleMinutes={viewer.sessionIdleMinutes} />
      {viewer.watermark && (
        <Suspense fallback={null}>
          <PageWatermark label={viewer.watermark} />
        </Suspense>
      )}
      <Outlet />
    </>
  );
}
