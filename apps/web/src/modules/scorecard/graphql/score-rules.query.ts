import { graphql } from '../../../generated';

export const ScoreRulesQuery = graphql(`
  query ScoreRules {
    scoreRules {
      ...ScoreRulesFields
    }
  }
`);
