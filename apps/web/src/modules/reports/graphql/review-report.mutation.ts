import { graphql } from '../../../generated';

export const ReviewReportMutation = graphql(`
  mutation ReviewReport($id: ID!, $version: Int!, $input: ReviewReportInput!) {
    reviewReport(id: $id, version: $version, input: $input) {
      id
      version
      status
      reviewComment
      reviewedAt
    }
  }
`);
