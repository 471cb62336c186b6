import { useMutation } from '@apollo/client/react';
import type { ObservableQuery } from '@apollo/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** Everything on screen that a change to a task can alter; only the active ones are refetched. */
export const TASK_DEPENDENT_QUERIES = [
  'TaskDetail',
  'LedgerTasks',
  'MyTasks',
  'Dashboard',
  'Urges',
  'ReviewQueue',
  'LeaderQueue',
  'PlanProgress',
];

/**
 * `also`: queries only some roles run (a skipped query is still registered, and refetching it for a
 * role it refuses would fail the mutation's promise), e.g. the unit leader's approval count.
 *
 * The change resolves once the lists on screen are refreshed, but a list that fails to refresh does
 * not fail the change: the server has made it, and the list shows its own error. (Awaited as they
 * were, one busy or refused list kept the 审核通过 confirm open without a word, though the report
 * had been accepted.)
 */
export function useTaskMutation<TData, TVars extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVars>,
  also: string[] = [],
) {
  const refetched = new Set([...TASK_DEPENDENT_QUERIES, ...also]);
  return useMutation(document, {
    refetchQueries: [...refetched],
    awaitRefetchQueries: true,
    // Called for the listed queries and for any other query the mutation's result changed in the
    // cache; those others only re-render from the cache, as without this function.
    onQueryUpdated: (query: ObservableQuery) =>
      query.queryName && refetched.has(query.queryName)
        ? query
            .refetch()
            .retain()
            .then(
              () => undefined,
              () => undefined,
            )
        : undefined,
  });
}
