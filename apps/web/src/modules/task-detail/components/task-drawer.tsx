import { Drawer } from 'antd';
import { lazy, Suspense } from 'react';
import { PageLoading } from '../../common/components/page-loading';
import { usePhone } from '../../common/hooks/use-phone';

// The task's details, report form and review actions load when a task is first opened, so home pages
// and the ledger show their lists without downloading them.
const TaskDetail = lazy(() => import('./task-detail'));

/** A task opened from the ledger or a home page: its facts, its story, and what this person can do now. */
export function TaskDrawer({ taskId, onClose }: { taskId: string | null; onClose: () => void }) {
  // On a phone the task takes the whole screen; the header's close button brings the list back.
  const phone = usePhone();
  return (
    <Drawer
      open={!!taskId}
      onClose={onClose}
      size={phone ? '100%' : 760}
      title="任务详情"
      destroyOnHidden
      // antd's close button is 24 px: on a phone it gets a fingertip's 44.
      styles={phone ? { body: { padding: 12 }, close: { width: 44, height: 44 } } : undefined}
    >
      {taskId && (
        <Suspense fallback={<PageLoading rows={10} />}>
          <TaskDetail taskId={taskId} />
        </Suspense>
      )}
    </Drawer>
  );
}
