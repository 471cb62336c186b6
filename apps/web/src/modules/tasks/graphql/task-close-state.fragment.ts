import { graphql } from '../../../generated';

/** What closing or reopening a task changes, for the cache: one field list for the three mutations. */
export const TaskCloseStateFragment = graphql(`
  fragment TaskCloseState on Task {
    id
    status
    light
    closedAt
    closeNote
    completedAt
    version
  }
`);
