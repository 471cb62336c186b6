import { graphql } from '../../../generated';

export const CompleteReviewMutation = graphql(`
  mutation CompleteReview($id: ID!, $version: Int!) {
    completeReview(id: $id, version: $version) {
      ...ReviewFields
    }
  }
`);
