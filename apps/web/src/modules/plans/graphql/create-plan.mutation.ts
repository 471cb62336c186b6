import { graphql } from '../../../generated';

export const CreatePlanMutation = graphql(`
  mutation CreatePlan($input: CreatePlanInput!) {
    createPlan(input: $input) {
      id
      version
    }
  }
`);
