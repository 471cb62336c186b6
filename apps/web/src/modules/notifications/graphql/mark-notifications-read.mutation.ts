import { graphql } from '../../../generated';

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      marked
      unreadCount
    }
  }
`);
