import { Skeleton } from 'antd';
import { Suspense } from 'react';
import { PHONE_QUERY, usePhone } from '../../common/hooks/use-phone';
import { lazyWithPreload } from '../../common/utils/lazy-with-preload';
import { TaskCards, type TaskListProps } from './task-cards';

// antd's Table brings its filter tree, select, pagination and virtual list: two thirds of what the home
// pages shared, none of it drawn on a phone. It loads apart, and starts loading as soon as this module
// runs on a wide screen, so a desktop home does not wait for it after the page's data.
const TaskRows = lazyWithPreload(() => import('./task-rows'));
if (typeof window !== 'undefined' && !window.matchMedia?.(PHONE_QUERY).matches)
  void TaskRows.preload().catch(() => undefined);

/** A compact list of tasks coloured by light (home pages): a table on a wide screen, cards on a phone. */
export function TaskTable(props: TaskListProps) {
  // A phone gets cards: seven columns would not fit, and sideways scrolling hides the action.
  if (usePhone()) return <TaskCards {...props} />;
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
      <TaskRows {...props} />
    </Suspense>
  );
}
