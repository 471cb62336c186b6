import { useMutation } from '@apollo/client/react';
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
 */
export function useTaskMutation<TData, TVars extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVars>,
  also: string[] = [],
) {
  return useMutation(document, { refetchQueries: [...TASK_DEPENDENT_QUERIES, ...also], awaitRefetchQueries: true });
}
