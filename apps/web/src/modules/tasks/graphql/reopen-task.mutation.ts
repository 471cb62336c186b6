import { graphql } from '../../../generated';

export const ReopenTaskMutation = graphql(`
  mutation ReopenTask($taskId: ID!, $version: Int!, $reason: String!) {
    reopenTask(taskId: $taskId, version: $version, reason: $reason) {
      ...TaskCloseState
    }
  }
`);
