import { graphql } from '../../../generated';

export const LowerUrgesQuery = graphql(`
  query LowerUrges($unacknowledged: Boolean, $first: Int, $after: String) {
    lowerUrges(unacknowledged: $unacknowledged, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...LowerUrgeParts
      }
    }
  }
`);
