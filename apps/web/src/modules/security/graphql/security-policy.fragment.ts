import { graphql } from '../../../generated';

export const SecurityPolicyFragment = graphql(`
  fragment SecurityPolicyFields on SecurityPolicyModel {
    passwordMinLength
    passwordMinClasses
    passwordHistory
    passwordMaxAgeDays
    sessionIdleMinutes
    sessionMaxHours
    twoFactorRoles
    watermark
    passwordRule
    version
  }
`);
