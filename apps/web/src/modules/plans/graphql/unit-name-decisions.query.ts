import { graphql } from '../../../generated';

export const UnitNameDecisionsQuery = graphql(`
  query UnitNameDecisions {
    unitNameDecisions {
      id
      name
      action
      unitIds
      kind
      updatedAt
    }
  }
`);
