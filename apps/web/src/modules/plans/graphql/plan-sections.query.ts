import { graphql } from '../../../generated';

export const PlanSectionsQuery = graphql(`
  query PlanSections($id: ID!) {
    plan(id: $id) {
      id
      sections {
        id
        label
        title
      }
    }
  }
`);
