import { graphql } from '../../../generated';

export const MessageDeliveriesQuery = graphql(`
  query MessageDeliveries($status: DeliveryStatus, $first: Int, $after: String) {
    messageDeliveries(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...MessageDeliveryFields
      }
    }
  }
`);
