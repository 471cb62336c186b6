import { graphql } from '../../../generated';

export const UpdateSecurityPolicyMutation = graphql(`
  mutation UpdateSecurityPolicy($input: UpdateSecurityPolicyInput!) {
    updateSecurityPolicy(input: $input) {
      ...SecurityPolicyFields
    }
  }
`);
