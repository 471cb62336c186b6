import { graphql } from '../../../generated';

export const WithdrawDelayMutation = graphql(`
  mutation WithdrawDelay($id: ID!, $version: Int!) {
    withdrawDelay(id: $id, version: $version) {
      id
      version
      status
    }
  }
`);
