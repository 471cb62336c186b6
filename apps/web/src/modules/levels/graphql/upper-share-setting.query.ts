import { graphql } from '../../../generated';

export const UpperShareSettingQuery = graphql(`
  query UpperShareSetting {
    upperShareSetting {
      shareReportText
      shareReportFiles
      version
    }
  }
`);
