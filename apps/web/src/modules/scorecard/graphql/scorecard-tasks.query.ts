import { graphql } from '../../../generated';

export const ScorecardTasksQuery = graphql(`
  query ScorecardTasks(
    $unitId: ID!
    $metric: ScorecardMetric!
    $filter: ScorecardFilterInput!
    $first: Int
    $after: String
  ) {
    scorecardTasks(unitId: $unitId, metric: $metric, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        count
        task {
          id
          role
          status
          light
          dueDate
          isLate
          keyPoint {
            id
            label
            title
          }
        }
      }
    }
  }
`);
