import { graphql } from '../../../generated';

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      id
      username
      displayName
      role
      tenantId
      tenantName
      tenantDemo
      unitId
      unitName
      csrfToken
      mustChangePassword
      ssoLogoutPath
    }
  }
`);
