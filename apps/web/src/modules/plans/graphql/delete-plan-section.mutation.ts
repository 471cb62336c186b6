import { graphql } from '../../../generated';

export const DeletePlanSectionMutation = graphql(`
  mutation DeletePlanSection($id: ID!, $version: Int!) {
    deletePlanSection(id: $id, version: $version) {
      id
      version
    }
  }
`);
