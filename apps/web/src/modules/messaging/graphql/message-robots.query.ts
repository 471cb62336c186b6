import { graphql } from '../../../generated';

export const MessageRobotsQuery = graphql(`
  query MessageRobots {
    messageRobots {
      id
      name
      platform
      kinds
      enabled
      webhookMasked
      signSecretMasked
      version
      lastDelivery {
        ...MessageDeliveryFields
      }
    }
  }
`);
