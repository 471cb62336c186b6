import { graphql } from '../../../generated';

export const KeyPointUpperLinksQuery = graphql(`
  query KeyPointUpperLinks($planId: ID!) {
    upperPlanPoints {
      ...UpperPlanPointParts
    }
    keyPointUpperLinks(planId: $planId) {
      ...KeyPointUpperLinksParts
    }
  }
`);
