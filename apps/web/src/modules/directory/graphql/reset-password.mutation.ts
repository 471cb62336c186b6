import { graphql } from '../../../generated';

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($userId: ID!) {
    resetPassword(userId: $userId)
  }
`);
