import { graphql } from '../../../generated';

export const UpdatePlanMutation = graphql(`
  mutation UpdatePlan($id: ID!, $version: Int!, $input: UpdatePlanInput!) {
    updatePlan(id: $id, version: $version, input: $input) {
      ...PlanHeaderFields
    }
  }
`);
