import { graphql } from '../../../generated';

export const RequestDelayMutation = graphql(`
  mutation RequestDelay($taskId: ID!, $input: RequestDelayInput!) {
    requestDelay(taskId: $taskId, input: $input) {
      id
      status
      requestedDueDate
    }
  }
`);
