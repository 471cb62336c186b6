import { graphql } from '../../../generated';

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      generatedPassword
      user {
        ...UserRow
      }
    }
  }
`);
