import { graphql } from '../../../generated';

export const UpdateTenantSettingsMutation = graphql(`
  mutation UpdateTenantSettings($input: UpdateTenantSettingsInput!, $version: Int!) {
    updateTenantSettings(input: $input, version: $version) {
      ...TenantWithSettings
    }
  }
`);
