import { graphql } from '../../../generated';

/** The rules as read and as returned after saving: one field list for both. */
export const ScoreRulesFieldsFragment = graphql(`
  fragment ScoreRulesFields on ScoreRules {
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
`);
