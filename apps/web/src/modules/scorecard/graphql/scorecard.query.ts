import { graphql } from '../../../generated';

export const ScorecardQuery = graphql(`
  query Scorecard($filter: ScorecardFilterInput!, $first: Int, $after: String) {
    scorecard(filter: $filter, first: $first, after: $after) {
      totalCount
      rankedUnits
      year
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        unitId
        unitName
        rank
        previousRank
        score
        previousScore
        scoreChange
        counts {
          leadTasks
          responsibleTasks
          completed
          completedOnTime
          completedLate
          overdueNow
          reportsTotal
          reportsOnTime
          reportsLate
          reportsReturned
          delaysApproved
          delaysRefused
          urgesReceived
          rectificationsOpen
          verdictImplemented
          verdictPartial
          verdictNotImplemented
          verdictNotApplicable
        }
      }
    }
  }
`);
