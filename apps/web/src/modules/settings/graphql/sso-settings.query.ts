import { graphql } from '../../../generated';

export const SsoSettingsQuery = graphql(`
  query SsoSettings {
    ssoSettings {
      ...SsoSettingsFields
    }
  }
`);
