import { graphql } from '../../../generated';

export const UnlockUserMutation = graphql(`
  mutation UnlockUser($userId: ID!) {
    unlockUser(userId: $userId)
  }
`);
