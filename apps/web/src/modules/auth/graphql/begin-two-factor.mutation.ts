import { graphql } from '../../../generated';

export const BeginTwoFactorEnrolmentMutation = graphql(`
  mutation BeginTwoFactorEnrolment {
    beginTwoFactorEnrolment {
      secret
      uri
      qrDataUrl
    }
  }
`);
