import { graphql } from '../../../generated';

export const DisableUnusedAccountsMutation = graphql(`
  mutation DisableUnusedAccounts($userIds: [ID!]!, $days: Int) {
    disableUnusedAccounts(userIds: $userIds, days: $days)
  }
`);
