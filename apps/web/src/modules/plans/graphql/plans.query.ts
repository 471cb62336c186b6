import { graphql } from '../../../generated';

export const PlansQuery = graphql(`
  query Plans($status: PlanStatus, $first: Int, $after: String) {
    plans(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        title
        year
        status
        docNumber
        version
        createdAt
        publishedAt
        unresolvedCount
      }
    }
  }
`);
