import { graphql } from '../../../generated';

export const RemovePlanMilestoneMutation = graphql(`
  mutation RemovePlanMilestone($id: ID!, $version: Int!) {
    removePlanMilestone(id: $id, version: $version) {
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
