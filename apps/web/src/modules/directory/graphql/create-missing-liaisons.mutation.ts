import { graphql } from '../../../generated';

export const CreateMissingLiaisonsMutation = graphql(`
  mutation CreateMissingLiaisons($unitIds: [ID!]) {
    createMissingLiaisons(unitIds: $unitIds) {
      userId
      username
      displayName
      role
      unitName
      password
    }
  }
`);
