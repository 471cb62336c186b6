import { graphql } from '../../../generated';

export const UsersQuery = graphql(`
  query Users($filter: UserFilterInput, $first: Int, $after: String, $sort: UserSort, $descending: Boolean) {
    users(filter: $filter, first: $first, after: $after, sort: $sort, descending: $descending) {
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
