import { graphql } from '../../../generated';

export const CloseTasksMutation = graphql(`
  mutation CloseTasks($tasks: [CloseTaskItemInput!]!, $note: String) {
    closeTasks(tasks: $tasks, note: $note) {
      ...TaskCloseState
    }
  }
`);
