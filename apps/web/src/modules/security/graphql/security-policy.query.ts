import { graphql } from '../../../generated';

export const SecurityPolicyQuery = graphql(`
  query SecurityPolicy {
    securityPolicy {
      ...SecurityPolicyFields
    }
  }
`);
