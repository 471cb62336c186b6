import { graphql } from '../../../generated';

export const StartPlanFromUpperMutation = graphql(`
  mutation StartPlanFromUpper {
    startPlanFromUpper {
      id
      title
    }
  }
`);
