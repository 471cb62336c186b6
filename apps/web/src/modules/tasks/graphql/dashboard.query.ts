import { graphql } from '../../../generated';

export const DashboardQuery = graphql(`
  query Dashboard($planId: ID) {
    dashboard(planId: $planId) {
      totalTasks
      overdueCount
      reportsWaitingReview
      delayRequestsWaiting
      dueSoonCount
      dueSoonUntil
      lights {
        light
        count
      }
      unitsMostOverdue {
        overdueCount
        unit {
          id
          name
        }
      }
    }
  }
`);
