import { graphql } from '../../../generated';

export const SetKeyPointUpperLinksMutation = graphql(`
  mutation SetKeyPointUpperLinks($keyPointId: ID!, $upperPointIds: [ID!]!) {
    setKeyPointUpperLinks(keyPointId: $keyPointId, upperPointIds: $upperPointIds) {
      ...KeyPointUpperLinksParts
    }
  }
`);
