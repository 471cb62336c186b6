import { Navigate, useParams } from 'react-router';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { taskPath } from '../../modules/notifications/utils/kinds';

/**
 * `/tasks/<id>`: the link a group robot's message gives for a task. Its readers differ (the unit's
 * people, the office, leadership), so each is sent to where they work on it: their unit's task list or
 * the ledger, with the task open.
 */
export default function TaskLinkPage() {
  const { taskId } = useParams();
  const { viewer } = useViewer();
  if (!viewer || !taskId) return null;
  return <Navigate to={taskPath(viewer.role, taskId)} replace />;
}
