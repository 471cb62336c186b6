import { graphql } from '../../../generated';

export const CheckEvidenceMutation = graphql(`
  mutation CheckEvidence($reportId: ID!) {
    checkEvidence(reportId: $reportId) {
      id
      checkStatus
      checkTitle
      pageDate
      checkedAt
    }
  }
`);
