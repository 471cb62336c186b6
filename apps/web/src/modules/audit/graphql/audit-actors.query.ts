import { graphql } from '../../../generated';

export const AuditActorsQuery = graphql(`
  query AuditActors($filter: UserFilterInput) {
    users(filter: $filter, first: 50) {
      nodes {
        id
        username
        displayName
      }
    }
  }
`);
