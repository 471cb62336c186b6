import { graphql } from '../../../generated';

export const UpperPlanPointFragment = graphql(`
  fragment UpperPlanPointParts on UpperPlanPoint {
    id
    planYear
    planTitle
    sectionTitle
    seq
    label
    title
  }
`);

export const KeyPointUpperLinksFragment = graphql(`
  fragment KeyPointUpperLinksParts on KeyPointUpperLinks {
    keyPointId
    version
    linked {
      ...UpperPlanPointParts
    }
    proposed {
      score
      point {
        ...UpperPlanPointParts
      }
    }
  }
`);
