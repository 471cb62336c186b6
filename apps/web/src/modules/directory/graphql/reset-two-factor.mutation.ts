import { graphql } from '../../../generated';

export const ResetTwoFactorMutation = graphql(`
  mutation ResetTwoFactor($userId: ID!) {
    resetTwoFactor(userId: $userId)
  }
`);
