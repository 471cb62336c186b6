import { graphql } from '../../../generated';

export const UrgesQuery = graphql(`
  query Urges($filter: UrgeFilterInput, $first: Int, $after: String) {
    urges(filter: $filter, first: $first, after: $after) {
      totalCount
      nodes {
        id
        level
        message
        createdAt
        createdByName
        acknowledgedAt
        task {
          id
          keyPoint {
            id
            label
            title
          }
        }
      }
    }
  }
`);
