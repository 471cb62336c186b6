import { graphql } from '../../../generated';

export const LeaderQueueQuery = graphql(`
  query LeaderQueue($first: Int, $after: String) {
    leaderQueue(first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...ReportQueueItem
      }
    }
  }
`);
