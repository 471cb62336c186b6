import { graphql } from '../../../generated';

export const PlanHeaderFragment = graphql(`
  fragment PlanHeaderFields on Plan {
    id
    version
    title
    year
    docNumber
    issuer
    parentPlanId
  }
`);
