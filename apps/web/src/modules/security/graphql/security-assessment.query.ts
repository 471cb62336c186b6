import { graphql } from '../../../generated';

export const SecurityAssessmentQuery = graphql(`
  query SecurityAssessment {
    securityAssessment {
      checkedAt
      controls {
        key
        category
        name
        setting
        evidence
        status
        why
      }
    }
  }
`);
