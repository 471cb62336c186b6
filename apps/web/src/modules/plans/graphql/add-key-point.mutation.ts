import { graphql } from '../../../generated';

export const AddKeyPointMutation = graphql(`
  mutation AddKeyPoint($input: AddKeyPointInput!) {
    addKeyPoint(input: $input) {
      ...DraftKeyPoint
    }
  }
`);
