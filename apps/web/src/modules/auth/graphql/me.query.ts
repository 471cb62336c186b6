import { graphql } from '../../../generated';

export const MeQuery = graphql(`
  query Me {
    me {
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
