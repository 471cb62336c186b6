import { graphql } from '../../../generated';

export const PublishPlanMutation = graphql(`
  mutation PublishPlan($id: ID!, $version: Int!) {
    publishPlan(id: $id, version: $version) {
      id
      status
      version
      publishedAt
    }
  }
`);
