import { graphql } from '../../../generated';

export const PlanProgressQuery = graphql(`
  query PlanProgress($planId: ID!) {
    planProgress(planId: $planId) {
      plan {
        id
        title
        year
      }
      sections {
        sectionId
        label
        title
        keyPoints {
          keyPointId
          label
          title
          parentId
          dueDate
          taskCount
          averageProgress
          byLight {
            light
            count
          }
          byStatus {
            status
            count
          }
          tasks {
            taskId
            unitId
            role
            status
            progress
            light
            dueDate
            unit {
              id
              name
            }
          }
        }
      }
    }
  }
`);
