import { graphql } from '../../../generated';

export const AddKeyPointDeadlineMutation = graphql(`
  mutation AddKeyPointDeadline($keyPointId: ID!, $version: Int!, $input: DeadlineInput!) {
    addKeyPointDeadline(keyPointId: $keyPointId, version: $version, input: $input) {
      ...DraftKeyPoint
    }
  }
`);
