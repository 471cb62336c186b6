import { graphql } from '../../../generated';

export const LateSigningQuery = graphql(`
  query LateSigning {
    lateSigning {
      unitId
      unitName
      lateCount
      oldestAssignedOn
      workingDaysWaiting
    }
  }
`);
