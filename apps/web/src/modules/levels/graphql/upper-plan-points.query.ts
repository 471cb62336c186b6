import { graphql } from '../../../generated';

export const UpperPlanPointsQuery = graphql(`
  query UpperPlanPoints {
    upperPlanPoints {
      ...UpperPlanPointParts
    }
  }
`);
