import type { ResultOf } from '@graphql-typed-document-node/core';
import { Skeleton } from 'antd';
import { Suspense } from 'react';
import { QueryError } from '../../common/components/query-error';
import { PHONE_QUERY, usePhone } from '../../common/hooks/use-phone';
import { lazyWithPreload } from '../../common/utils/lazy-with-preload';
import { TaskCards } from '../../tasks/components/task-cards';
import type { LedgerTasksQuery } from '../../tasks/graphql/tasks.query';
import type { WarningLight } from '../../tasks/utils/labels';
import { RenderWhenSeen } from './render-when-seen';
import { ReservedTaskList } from './reserved-task-list';

// The wide screens' table with antd Table's style code, which a phone (cards) never draws: apart from the
// homes' shared chunk, asked for as soon as this module runs on a wide screen (as task-table.tsx does).
const HomeTaskTable = lazyWithPreload(() => import('./home-task-table'));
if (typeof window !== 'undefined' && !window.matchMedia?.(PHONE_QUERY).matches)
  void HomeTaskTable.preload().catch(() => undefined);

/** Overdue tasks a home shows, worst first; the ledger has the rest. */
export const OVERDUE_PAGE = 10;

/** The red tasks of one plan (or of every plan), earliest due first: a home's overdue list. */
export function overdueVariables(planId?: string | null) {
  return {
    filter: { light: ['RED' as const], ...(planId ? { planId } : {}) },
    sort: { field: 'DUE_DATE' as const, direction: 'ASC' as const },
    first: OVERDUE_PAGE,
  };
}

interface OverdueQuery {
  data?: ResultOf<typeof LedgerTasksQuery>;
  loading: boolean;
  error?: unknown;
  refetch: () => unknown;
}

/**
 * A home's overdue list. It keeps the room of the rows the red count promises (`lights`: a full page
 * until the counts are in) so nothing below it moves when they arrive; `deferred` draws the table when
 * it is scrolled near or the browser is idle, for a list at the foot of the first screen.
 */
export function OverdueTaskList({
  overdue,
  lights,
  onOpen,
  deferred = false,
}: {
  overdue: OverdueQuery;
  lights: readonly { light: WarningLight; count: number }[] | undefined;
  onOpen: (taskId: string) => void;
  deferred?: boolean;
}) {
  const phone = usePhone();
  if (overdue.error) return <QueryError error={overdue.error} onRetry={() => void overdue.refetch()} />;
  const rows = Math.min(OVERDUE_PAGE, lights ? (lights.find((l) => l.light === 'RED')?.count ?? 0) : OVERDUE_PAGE);
  const loading = overdue.loading && !overdue.data;
  const tasks = overdue.data?.tasks.nodes ?? [];
  const table = phone ? (
    <TaskCards tasks={tasks} loading={loading} onOpen={onOpen} showUnit emptyText="没有逾期任务。" />
  ) : (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
      <HomeTaskTable tasks={tasks} loading={loading} onOpen={onOpen} emptyText="没有逾期任务。" />
    </Suspense>
  );
  return (
    <ReservedTaskList loading={loading} rows={rows}>
      {deferred ? <RenderWhenSeen minHeight={0}>{table}</RenderWhenSeen> : table}
    </ReservedTaskList>
  );
}
