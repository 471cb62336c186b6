import { graphql } from '../../../generated';

export const TaskMessagesQuery = graphql(`
  query TaskMessages($id: ID!) {
    task(id: $id) {
      id
      messages {
        ...MessageDeliveryFields
      }
    }
  }
`);
