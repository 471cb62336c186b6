import { graphql } from '../../../generated';

export const ScoreRulesQuery = graphql(`
  query ScoreRules {
    scoreRules {
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
