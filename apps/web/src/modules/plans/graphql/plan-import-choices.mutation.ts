import { graphql } from '../../../generated';

export const PlanImportChoicesMutation = graphql(`
  mutation PlanImportChoices($input: ImportPlanInput!) {
    planImportChoices(input: $input) {
      index
      title
      year
      keyPoints
      impliedUnits
    }
  }
`);
