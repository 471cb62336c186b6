import { graphql } from '../../../generated';

export const SsoSettingsFragment = graphql(`
  fragment SsoSettingsFields on SsoSettingsModel {
    enabled
    issuer
    clientId
    clientSecretMasked
    claim
    matchField
    passwordAllowed
    createUsers
    defaultRole
    redirectUri
    version
  }
`);
