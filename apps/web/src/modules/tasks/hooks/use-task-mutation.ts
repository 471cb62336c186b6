import { useMutation } from '@apollo/client/react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** Everything on screen that a change to a task can alter; only the active ones are refetched. */
export const TASK_DEPENDENT_QUERIES = ['TaskDetail', 'LedgerTasks', 'MyTasks', 'Dashboard', 'Urges', 'ReviewQueue', 'LeaderQueue', 'LeaderQueueCount', 'PlanProgress'];

export function useTaskMutation<TData, TVars extends Record<string, unknown>>(document: TypedDocumentNode<TData, TVars>) {
  return useMutation(document, { refetchQueries: TASK_DEPENDENT_QUERIES, awaitRefetchQueries: true });
}
