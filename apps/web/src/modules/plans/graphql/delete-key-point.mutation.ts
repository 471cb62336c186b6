import { graphql } from '../../../generated';

export const DeleteKeyPointMutation = graphql(`
  mutation DeleteKeyPoint($id: ID!, $version: Int!) {
    deleteKeyPoint(id: $id, version: $version)
  }
`);
