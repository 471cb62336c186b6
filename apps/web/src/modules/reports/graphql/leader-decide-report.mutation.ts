import { graphql } from '../../../generated';

export const LeaderDecideReportMutation = graphql(`
  mutation LeaderDecideReport($id: ID!, $version: Int!, $input: LeaderDecisionInput!) {
    leaderDecideReport(id: $id, version: $version, input: $input) {
      id
      version
      status
      leaderComment
    }
  }
`);
