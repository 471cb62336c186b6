import { graphql } from '../../../generated';

export const UpperUrgesQuery = graphql(`
  query UpperUrges($unacknowledged: Boolean, $first: Int, $after: String) {
    upperUrges(unacknowledged: $unacknowledged, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...UpperUrgeParts
      }
    }
  }
`);
