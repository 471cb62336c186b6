import { graphql } from '../../../generated';

export const ReleaseLeaderlessReportsMutation = graphql(`
  mutation ReleaseLeaderlessReports($unitIds: [ID!]) {
    releaseLeaderlessReports(unitIds: $unitIds)
  }
`);
