import { graphql } from '../../../generated';

export const DeleteUnitMutation = graphql(`
  mutation DeleteUnit($id: ID!, $version: Int!) {
    deleteUnit(id: $id, version: $version)
  }
`);
