import { graphql } from '../../../generated';

export const AcknowledgeUrgeMutation = graphql(`
  mutation AcknowledgeUrge($id: ID!) {
    acknowledgeUrge(id: $id) {
      id
      acknowledgedAt
      acknowledgedByName
    }
  }
`);
