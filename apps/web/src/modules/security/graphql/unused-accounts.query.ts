import { graphql } from '../../../generated';

export const UnusedAccountsQuery = graphql(`
  query UnusedAccounts($days: Int) {
    unusedAccounts(days: $days) {
      ...UserRow
    }
  }
`);
