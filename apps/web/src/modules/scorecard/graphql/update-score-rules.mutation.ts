import { graphql } from '../../../generated';

export const UpdateScoreRulesMutation = graphql(`
  mutation UpdateScoreRules($rules: ScoreRulesInput!, $version: Int) {
    updateScoreRules(rules: $rules, version: $version) {
      ...ScoreRulesFields
    }
  }
`);
