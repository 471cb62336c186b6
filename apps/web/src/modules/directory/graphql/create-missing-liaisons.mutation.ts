import { graphql } from '../../../generated';

export const CreateMissingLiaisonsMutation = graphql(`
  mutation CreateMissingLiaisons {
    createMissingLiaisons {
      userId
      username
      displayName
      role
      unitName
      password
    }
  }
`);
