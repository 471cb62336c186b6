import { graphql } from '../../../generated';

export const AmendKeyPointMutation = graphql(`
  mutation AmendKeyPoint($id: ID!, $version: Int!, $input: AmendKeyPointInput!) {
    amendKeyPoint(id: $id, version: $version, input: $input) {
      ...DraftKeyPoint
    }
  }
`);
