import { graphql } from '../../../generated';

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $version: Int!) {
    updateUser(id: $id, input: $input, version: $version) {
      ...UserRow
    }
  }
`);
