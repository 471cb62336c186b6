import { graphql } from '../../../generated';

export const OpenReviewMutation = graphql(`
  mutation OpenReview($input: OpenReviewInput!) {
    openReview(input: $input) {
      ...ReviewFields
    }
  }
`);
