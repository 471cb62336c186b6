import { graphql } from '../../../generated';

export const ResolveUnitNameMutation = graphql(`
  mutation ResolveUnitName($planId: ID!, $version: Int!, $input: ResolveUnitNameInput!) {
    resolveUnitName(planId: $planId, version: $version, input: $input) {
      id
      version
    }
  }
`);
