import { graphql } from '../../../generated';

export const MyTasksQuery = graphql(`
  query MyTasks($filter: TaskFilterInput, $first: Int, $after: String) {
    myTasks(filter: $filter, first: $first, after: $after) {
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
