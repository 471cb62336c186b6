import { graphql } from '../../../generated';

export const TaskRowFragment = graphql(`
  fragment TaskRow on Task {
    id
    version
    kind
    role
    status
    light
    progress
    dueDate
    originalDueDate
    isLate
    urgeCount
    overdueWorkingDays
    lastReportAt
    signedAt
    unit {
      id
      name
    }
    keyPoint {
      id
      label
      title
    }
    section {
      id
      label
      title
    }
    plan {
      id
      title
      year
    }
  }
`);
