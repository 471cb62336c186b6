import { graphql } from '../../../generated';

export const NotificationsQuery = graphql(`
  query Notifications($unreadOnly: Boolean, $first: Int, $after: String) {
    notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        kind
        title
        body
        createdAt
        readAt
        taskId
      }
    }
  }
`);
