import { graphql } from '../../../generated';

export const SetUpperShareSettingMutation = graphql(`
  mutation SetUpperShareSetting($input: UpperShareSettingInput!, $version: Int!) {
    setUpperShareSetting(input: $input, version: $version) {
      shareReportText
      shareReportFiles
      version
    }
  }
`);
