import { graphql } from '../../../generated';

export const LedgerTasksQuery = graphql(`
  query LedgerTasks($filter: TaskFilterInput, $sort: TaskSortInput, $first: Int, $after: String) {
    tasks(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...TaskRow
      }
    }
  }
`);
