import { graphql } from '../../../generated';

export const UpdateMessageSettingsMutation = graphql(`
  mutation UpdateMessageSettings($input: UpdateMessageSettingsInput!, $version: Int!) {
    updateMessageSettings(input: $input, version: $version) {
      ...MessageSettingsFields
    }
  }
`);
