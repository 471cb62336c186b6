import { graphql } from '../../../generated';

export const CreateDirectoryUnitMutation = graphql(`
  mutation CreateDirectoryUnit($input: CreateUnitInput!) {
    createUnit(input: $input) {
      ...DirectoryUnit
    }
  }
`);
