import { graphql } from '../../../generated';

export const UpdateScoreRulesMutation = graphql(`
  mutation UpdateScoreRules($rules: ScoreRulesInput!, $version: Int) {
    updateScoreRules(rules: $rules, version: $version) {
      version
      base
      minScore
      leadWeight
      bonusPerOnTime
      perOverdueTask
      perLateTask
      perLateReport
      perReturnedReport
      perRefusedDelay
      perUrge
      perRectificationOpen
      items {
        kind
        label
        rule
        weight
      }
    }
  }
`);
