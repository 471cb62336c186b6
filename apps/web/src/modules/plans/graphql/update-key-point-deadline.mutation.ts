import { graphql } from '../../../generated';

export const UpdateKeyPointDeadlineMutation = graphql(`
  mutation UpdateKeyPointDeadline($id: ID!, $version: Int!, $input: DeadlineInput!) {
    updateKeyPointDeadline(id: $id, version: $version, input: $input) {
      ...DraftKeyPoint
    }
  }
`);
