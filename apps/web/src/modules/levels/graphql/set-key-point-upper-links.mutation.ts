import { graphql } from '../../../generated';

export const SetKeyPointUpperLinksMutation = graphql(`
  mutation SetKeyPointUpperLinks($keyPointId: ID!, $upperPointIds: [ID!]!, $version: Int!) {
    setKeyPointUpperLinks(keyPointId: $keyPointId, upperPointIds: $upperPointIds, version: $version) {
      ...KeyPointUpperLinksParts
    }
  }
`);
