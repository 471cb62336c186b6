import { graphql } from '../../../generated';

export const ImportPlanMutation = graphql(`
  mutation ImportPlan($input: ImportPlanInput!) {
    importPlan(input: $input) {
      id
      title
      year
      status
      version
    }
  }
`);
