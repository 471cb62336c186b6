import { graphql } from '../../../generated';

export const ScorecardQuery = graphql(`
  query Scorecard($filter: ScorecardFilterInput!, $first: Int, $after: String) {
    scorecard(filter: $filter, first: $first, after: $after) {
      totalCount
      rankedUnits
      year
      tieBreak
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
        breakdown {
          component
          label
          numerator
          denominator
          rate
          weight
          points
        }
        counts {
          leadTasks
          responsibleTasks
          dueTasks
          completed
          completedOnTime
          completedLate
          overdueNow
          periodsOwed
          periodsOnTime
          periodsMissed
          reportsTotal
          reportsReturned
          delaysApproved
          delaysRefused
          urgesReceived
          rectifications
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
