import { graphql } from '../../../generated';

export const UrgeTaskMutation = graphql(`
  mutation UrgeTask($taskId: ID!, $message: String!, $idempotencyKey: String) {
    urgeTask(taskId: $taskId, message: $message, idempotencyKey: $idempotencyKey) {
      id
      taskId
      message
      createdAt
    }
  }
`);
