import { graphql } from '../../../generated';

export const AcknowledgeUpperUrgeMutation = graphql(`
  mutation AcknowledgeUpperUrge($id: ID!) {
    acknowledgeUpperUrge(id: $id) {
      ...UpperUrgeParts
    }
  }
`);
