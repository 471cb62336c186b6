import { graphql } from '../../../generated';

export const RemoveKeyPointDeadlineMutation = graphql(`
  mutation RemoveKeyPointDeadline($id: ID!, $version: Int!) {
    removeKeyPointDeadline(id: $id, version: $version) {
      ...DraftKeyPoint
    }
  }
`);
