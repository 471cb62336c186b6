import { graphql } from '../../../generated';

/** What the web keeps of the signed-in person: the same after sign-in and after a reload. */
export const ViewerFragment = graphql(`
  fragment ViewerFields on ViewerModel {
    id
    username
    displayName
    role
    roles
    tenantId
    tenantName
    tenantDemo
    unitId
    unitName
    csrfToken
    mustChangePassword
    ssoLogoutPath
    passwordExpired
    passwordRule
    sessionIdleMinutes
    twoFactorEnabled
    mustEnrolTwoFactor
    watermark
  }
`);
