import { graphql } from '../../../generated';

export const UrgeTaskMutation = graphql(`
  mutation UrgeTask($taskId: ID!, $message: String!) {
    urgeTask(taskId: $taskId, message: $message) {
      id
      taskId
      message
      createdAt
    }
  }
`);
