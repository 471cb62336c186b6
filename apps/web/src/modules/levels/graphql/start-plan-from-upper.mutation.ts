import { graphql } from '../../../generated';

export const StartPlanFromUpperMutation = graphql(`
  mutation StartPlanFromUpper($year: Int) {
    startPlanFromUpper(year: $year) {
      id
      title
    }
  }
`);
