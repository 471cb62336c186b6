import { graphql } from '../../../generated';

/** The rules as read and as returned after saving: one field list for both. */
export const ScoreRulesFieldsFragment = graphql(`
  fragment ScoreRulesFields on ScoreRules {
    version
    onTimeWeight
    notOverdueWeight
    reportingWeight
    firstPassWeight
    rectifiedWeight
    leadWeight
    tieBreak
    items {
      component
      rule
      label
      explain
      weight
    }
  }
`);
