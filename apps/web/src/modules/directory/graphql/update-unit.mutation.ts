import { graphql } from '../../../generated';

export const UpdateUnitMutation = graphql(`
  mutation UpdateUnit($id: ID!, $input: UpdateUnitInput!, $version: Int!) {
    updateUnit(id: $id, input: $input, version: $version) {
      ...DirectoryUnit
    }
  }
`);
