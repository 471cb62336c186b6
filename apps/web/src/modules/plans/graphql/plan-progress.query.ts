import { graphql } from '../../../generated';

/** The tree's counts: per key point and per unit, never the plan's thousands of tasks. */
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
          leadUnitIds
          byLight {
            light
            count
          }
          byStatus {
            status
            count
          }
        }
      }
      units {
        unitId
        unit {
          id
          name
        }
        taskCount
        averageProgress
        byLight {
          light
          count
        }
      }
    }
  }
`);

/** A key point's tasks, read when the person opens it in the tree. */
export const KeyPointProgressTasksQuery = graphql(`
  query KeyPointProgressTasks($keyPointId: ID!) {
    keyPointProgressTasks(keyPointId: $keyPointId) {
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
`);
