import { graphql } from '../../../generated';

export const DeletePlanMutation = graphql(`
  mutation DeletePlan($id: ID!, $version: Int!) {
    deletePlan(id: $id, version: $version)
  }
`);
