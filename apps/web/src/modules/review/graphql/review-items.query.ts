import { graphql } from '../../../generated';

export const ReviewItemsQuery = graphql(`
  query ReviewItems($id: ID!, $filter: ReviewItemFilterInput, $first: Int, $after: String) {
    review(id: $id) {
      id
      items(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          ...ReviewItemRow
        }
      }
    }
  }
`);
