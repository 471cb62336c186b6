import { lazy } from 'react';
import { Outlet } from 'react-router';
import { useViewer } from '../hooks/use-viewer';
import { homePath, type Role } from '../utils/roles';

const Forbidden = lazy(() => import('./forbidden'));

/** Pages for some roles only; the server checks again on every request, this just avoids dead ends. */
export function RequireRole({ roles }: { roles: Role[] }) {
  const { viewer } = useViewer();
  if (!viewer) return null;
  if (!viewer.roles.some((r) => roles.includes(r))) return <Forbidden home={homePath(viewer.role)} />;
  return <Outlet />;
}
