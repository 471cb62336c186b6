import { graphql } from '../../../generated';

export const NotificationsQuery = graphql(`
  query Notifications($unreadOnly: Boolean, $kinds: [NotificationKind!], $first: Int, $after: String) {
    notifications(unreadOnly: $unreadOnly, kinds: $kinds, first: $first, after: $after) {
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
        groupCount
      }
    }
  }
`);
