import { graphql } from '../../../generated';

export const ReviewsQuery = graphql(`
  query Reviews($planId: ID, $first: Int, $after: String) {
    reviews(planId: $planId, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...ReviewFields
      }
    }
  }
`);
