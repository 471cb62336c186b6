import { graphql } from '../../../generated';

export const UserRowFragment = graphql(`
  fragment UserRow on User {
    id
    version
    username
    displayName
    role
    roles
    unitId
    unit {
      id
      name
    }
    email
    phone
    wecomUserid
    dingtalkUserid
    active
    locked
    twoFactorEnabled
    mustChangePassword
    createdAt
    lastSignInAt
  }
`);
