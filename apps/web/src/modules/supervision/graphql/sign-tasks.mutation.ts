import { graphql } from '../../../generated';

export const SignTasksMutation = graphql(`
  mutation SignTasks($input: SignTasksInput!) {
    signTasks(input: $input) {
      signed
      unsignedLeft
    }
  }
`);
