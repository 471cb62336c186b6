import { graphql } from '../../../generated';

export const ReleaseLeaderlessReportsMutation = graphql(`
  mutation ReleaseLeaderlessReports {
    releaseLeaderlessReports
  }
`);
