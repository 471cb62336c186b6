import { graphql } from '../../../generated';

export const DecideDelayMutation = graphql(`
  mutation DecideDelay($id: ID!, $version: Int!, $input: DecideDelayInput!) {
    decideDelay(id: $id, version: $version, input: $input) {
      id
      version
      status
      decidedAt
      decisionComment
    }
  }
`);
