import { graphql } from '../../../generated';

export const SignInOptionsQuery = graphql(`
  query SignInOptions($tenantCode: String!) {
    signInOptions(tenantCode: $tenantCode) {
      sso
      passwordAllowed
    }
  }
`);
