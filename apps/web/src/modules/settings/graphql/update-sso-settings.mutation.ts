import { graphql } from '../../../generated';

export const UpdateSsoSettingsMutation = graphql(`
  mutation UpdateSsoSettings($input: UpdateSsoSettingsInput!) {
    updateSsoSettings(input: $input) {
      ...SsoSettingsFields
    }
  }
`);
