import { graphql } from '../../../generated';

export const MessageDeliveryFieldsFragment = graphql(`
  fragment MessageDeliveryFields on MessageDelivery {
    id
    channel
    kind
    title
    recipientName
    robotName
    status
    attempts
    lastError
    createdAt
    sentAt
    nextAttemptAt
  }
`);
