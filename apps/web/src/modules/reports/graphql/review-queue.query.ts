import { graphql } from '../../../generated';

export const ReviewQueueQuery = graphql(`
  query ReviewQueue($first: Int, $after: String) {
    reviewQueue(first: $first, after: $after) {
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
