import { graphql } from '../../../generated';

export const UpdateKeyPointMutation = graphql(`
  mutation UpdateKeyPoint($id: ID!, $version: Int!, $input: UpdateKeyPointInput!) {
    updateKeyPoint(id: $id, version: $version, input: $input) {
      ...DraftKeyPoint
    }
  }
`);
