import { graphql } from '../../../generated';

export const RemoveKeyPointUnitMutation = graphql(`
  mutation RemoveKeyPointUnit($id: ID!, $version: Int!) {
    removeKeyPointUnit(id: $id, version: $version) {
      ...DraftKeyPoint
    }
  }
`);
