import { graphql } from '../../../generated';

export const UsersQuery = graphql(`
  query Users($filter: UserFilterInput, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...UserRow
      }
    }
  }
`);
