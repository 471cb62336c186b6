import { graphql } from '../../../generated';

export const DraftUnitNameFragment = graphql(`
  fragment DraftUnitNameFields on DraftUnitName {
    name
    keyPoints
    unresolvedKeyPoints
    suggestedKind
    units {
      id
      name
    }
    candidates {
      score
      unit {
        id
        name
      }
    }
    decision {
      id
      action
      kind
    }
  }
`);
