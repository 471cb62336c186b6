import { graphql } from '../../../generated';

export const AddPlanMilestoneMutation = graphql(`
  mutation AddPlanMilestone($planId: ID!, $version: Int!, $input: DeadlineInput!) {
    addPlanMilestone(planId: $planId, version: $version, input: $input) {
      id
      version
      milestones {
        id
        text
        date
      }
    }
  }
`);
