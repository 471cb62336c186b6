import { graphql } from '../../../generated';

export const CloseTaskMutation = graphql(`
  mutation CloseTask($taskId: ID!, $version: Int!, $note: String) {
    closeTask(taskId: $taskId, version: $version, note: $note) {
      ...TaskCloseState
    }
  }
`);
