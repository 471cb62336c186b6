import { graphql } from '../../../generated';

export const CreateUnitMutation = graphql(`
  mutation CreateUnit($input: CreateUnitInput!) {
    createUnit(input: $input) {
      id
      name
      kind
      active
      aliases
    }
  }
`);
