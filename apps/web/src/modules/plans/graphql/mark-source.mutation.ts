import { graphql } from '../../../generated';

export const MarkSourceMutation = graphql(`
  mutation MarkSource($planId: ID!, $version: Int!, $input: MarkSourceInput!) {
    markSource(planId: $planId, version: $version, input: $input) {
      id
      version
    }
  }
`);
