import { Navigate } from 'react-router';
import { useViewer } from '../hooks/use-viewer';
import { homePath } from '../utils/roles';

/** `/` sends each person to the home page of their role. */
export function HomeRedirect() {
  const { viewer } = useViewer();
  return viewer ? <Navigate to={homePath(viewer.role)} replace /> : null;
}
