import { graphql } from '../../../generated';

export const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        seq
        at
        actorId
        actorName
        actorUsername
        action
        entityType
        entityId
        result
        ip
        userAgent
        before
        after
        note
      }
    }
  }
`);
