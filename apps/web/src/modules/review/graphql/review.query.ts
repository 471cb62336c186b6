import { graphql } from '../../../generated';

export const ReviewQuery = graphql(`
  query Review($id: ID!) {
    review(id: $id) {
      ...ReviewFields
    }
  }
`);
